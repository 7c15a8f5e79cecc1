import Testing
import TormemCore
@testable import TormemData

/// A header nearly in one format names what it lacks; others keep the list of formats.
@Suite struct NearFormatTests {
    func message(_ csv: String) -> String? {
        do {
            _ = try DataLoader.load(bytes: Array(csv.utf8), name: "m.csv")
            return nil
        } catch {
            return "\(error)"
        }
    }

    static let unified = "expected " + InputFormat.unified.headerSummary

    @Test(arguments: [
        ("timestamp,server,nickname,pid,rss_kb\n2025-01-01T00:00:00,h,a,1,100\n",
         "m.csv:1: header looks like the unified format but lacks the columns type and total_kb (or count); " + unified),
        ("timestamp,server,type,fingerprint,nickname,rsskb,vmsize_kb,hwm_kb,frag_ratio,count,total_kb,avg_kb,min_kb,max_kb\n"
            + "2025-01-01T00:00:00,h,relay,,a,1,2,3,4,,,,,\n",
         "m.csv:1: header looks like the unified format but lacks the column rss_kb (\"rsskb\" is probably rss_kb); " + unified),
        ("Timestamp,server,TYP,rss_kb,totl_kb\n2025-01-01T00:00:00,h,relay,1,\n",
         "m.csv:1: header looks like the unified format but lacks the columns type and total_kb (or count) "
            + "(\"typ\" is probably type, \"totl_kb\" is probably total_kb); " + unified),
        ("date,time,numrelays,total_mb\n2025-01-01,00:00:00,1,100\n",
         "m.csv:1: header looks like the monitor format but lacks the column num_relays (\"numrelays\" is probably num_relays); expected "
            + InputFormat.monitor.headerSummary),
        ("relay,pid,rssgb,vmsize_gb\nr,1,1,2\n",
         "m.csv:1: header looks like the snapshot format but lacks the column rss_gb (\"rssgb\" is probably rss_gb); expected "
            + InputFormat.snapshot.headerSummary),
        ("relay,group,day0,day1\nr,A,1,2\n",
         "m.csv:1: header looks like the experiment format but lacks group,relay as its first two columns (found \"relay,group\"); expected "
            + InputFormat.experiment.headerSummary),
        ("group,relay,d0,d1\nA,r,1,2\n",
         "m.csv:1: header looks like the experiment format but lacks day columns (day0,day1,...); expected "
            + InputFormat.experiment.headerSummary),
    ])
    func almostAFormatNamesWhatIsMissing(csv: String, expected: String) {
        #expect(message(csv) == expected)
    }

    @Test(arguments: [
        ["foo", "bar"],                                                         // nothing in common
        ["timestamp", "server", "kernel", "mem_total_kb", "mem_available_kb", "relays_running", "allocators"],  // diagnostics.csv: 2 of 7
        ["total_kb", "avg_kb", "min_kb"],                                       // monitor and unified alike
        ["relay", "value"],                                                     // one column is not most of a format
    ])
    func aHeaderNearNoFormatListsThemAll(header: [String]) {
        #expect(NearFormat(header: header) == nil)
        #expect(InputFormat.unknownHeaderMessage(found: header).hasPrefix("unrecognised header"))
    }

    @Test func everyFormatsOwnHeaderIsStillDetected() {
        for format in InputFormat.allCases where format != .experiment {
            #expect(InputFormat.detect(header: format.knownColumns) == format)
            #expect(InputFormat.detect(header: format.requiredColumns.map { $0[0] }) == format)
        }
        #expect(InputFormat.detect(header: ["group", "relay", "day3"]) == .experiment)
    }
}
