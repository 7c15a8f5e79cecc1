import Foundation
import Testing
import TormemCore
import TormemCharts
import TormemTestSupport
@testable import TormemKit

/// `--json`: every number of the run, deterministic, with the documented keys.
@Suite struct RunFactsTests {
    /// A host renamed half way, one collection without fingerprints, two groups in `groups/`, one
    /// relay listed but never seen.
    static func folder() throws -> String {
        let dir = try temporaryFolder("run-facts")
        var text = UnifiedColumns.memory.joined(separator: ",") + "\n"
        for day in 1...6 {
            let server = day <= 3 ? "old-host" : "new-host"
            for r in 0..<4 {
                let fp = day == 2 ? "" : String(repeating: String(r), count: 40)
                text += "2026-01-0\(day)T00:00:00,\(server),relay,\(fp),relay\(r),,\((r + day) * 524_288),,,,,,,,\n"
            }
        }
        try write(text, to: dir + "/memory.csv")
        try FileManager.default.createDirectory(atPath: dir + "/groups", withIntermediateDirectories: true)
        try write("relay0\nrelay1\n", to: dir + "/groups/group_A_glibc.txt")
        try write("relay2\nrelay3\nghost\n", to: dir + "/groups/group_B_mimalloc.txt")
        try write(#"{"groups": {"A_glibc": {"name": "glibc control"}}}"#, to: dir + "/experiment.json")
        return dir
    }

    @Test func theDocumentHasEveryNumber() throws {
        let dir = try Self.folder()
        var request = ChartsRequest(dataPaths: [dir + "/memory.csv"], outputDirectory: dir + "/charts")
        request.jsonPath = dir + "/run.json"
        _ = try ChartsJob.run(request)
        let data = try #require(FileManager.default.contents(atPath: dir + "/run.json"))
        let doc = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(doc["relays"] as? Int == 4)
        let servers = try #require(doc["servers"] as? [[String: Any]])
        #expect(servers.count == 1)
        #expect(servers[0]["name"] as? String == "new-host")
        #expect(servers[0]["aliases"] as? [String] == ["old-host"])
        #expect(servers[0]["relays"] as? Int == 4)
        #expect(servers[0]["collections"] as? Int == 6)
        #expect(servers[0]["first"] as? String == "2026-01-01T00:00:00Z")
        #expect(servers[0]["last"] as? String == "2026-01-06T00:00:00Z")
        let groups = try #require(doc["groups"] as? [[String: Any]])
        #expect(groups.map { $0["id"] as? String } == ["A_glibc", "B_mimalloc"])
        #expect(groups.map { $0["label"] as? String } == ["glibc control", "mimalloc"])
        #expect(groups.map { $0["relays"] as? Int } == [2, 2])
        #expect(groups[0]["start"] as? String == "2026-01-01")
        // Every group number of the verdicts, under the documented keys.
        for key in ["mean_end_gb", "median_end_gb", "iqr_gb", "sd_gb", "growth_gb_per_day", "vs_control", "status", "unlike_group"] {
            #expect(groups[0].keys.contains(key), "groups[].\(key)")
        }
        // relay2 and relay3 end at 4 and 4.5 GB (524,288 KiB steps on day 6): their mean and median.
        #expect(groups[1]["mean_end_gb"] as? Double == 4.25)
        #expect(groups[1]["median_end_gb"] as? Double == 4.25)
        #expect(groups[1]["status"] as? String == "FRAGMENTED")
        #expect((doc["events"] as? [Any]) != nil)
        let warnings = try #require(doc["warnings"] as? [String])
        #expect(warnings.contains { $0.contains("never seen in the data: ghost") })
        let charts = try #require(doc["charts"] as? [String: Any])
        #expect((charts["written"] as? [String])?.contains("chart1_memory_over_time.png") == true)
        #expect((charts["skipped"] as? [[String: Any]])?.contains { $0["name"] as? String == "memory_outliers" } == true)
    }

    @Test func standardOutputGetsOnlyTheDocumentAndItIsDeterministic() throws {
        let dir = try Self.folder()
        let a = try run(["--data", dir + "/memory.csv", "--output-dir", dir + "/a", "--json", "-"])
        let b = try run(["--data", dir + "/memory.csv", "--output-dir", dir + "/a", "--json", "-"])
        #expect(a.status == 0)
        #expect(a.stdout.hasPrefix("{\n") && a.stdout.hasSuffix("}\n"))
        #expect(a.stdout == b.stdout)
        #expect(try JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) is [String: Any])
    }

    /// `relays` is what README.md and REPORT.md say, also for an experiment table; shared group
    /// relays are listed one by one, the warnings one per pair of groups (issue 21).
    @Test func relaysPeriodAndSharedRelaysAsTheReportsSayThem() throws {
        for (relative, relays) in [("synthetic/experiment_25relays.csv", 25), ("shapes-allocators/memory.csv", 200)] {
            let inputs = try ChartsJob.inputs(ChartsRequest(dataPaths: [Fixtures.url(relative)], outputDirectory: "x"))
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(ChartsSummary(inputs: inputs, written: [], skipped: []).json.utf8)) as? [String: Any])
            #expect(doc["relays"] as? Int == relays)
            let e = ReportEmitter(folderName: "f", commandPath: "f", inputs: inputs, charts: [], skipped: [])
            #expect(e.readme.sections["summary"]!.contains("| Relays | \(relays)"))
            let period = try #require(doc["period"] as? [String: Any])
            #expect(period["text"] as? String == inputs.scope.periodText)
            #expect(e.readme.sections["summary"]!.contains(inputs.scope.periodText))
        }
        let inputs = try ChartsJob.inputs(ChartsRequest(dataPaths: [Fixtures.url("shapes-allocators/memory.csv")], outputDirectory: "x"))
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(ChartsSummary(inputs: inputs, written: [], skipped: []).json.utf8)) as? [String: Any])
        #expect(doc["collections"] as? Int == 60)
        let groupRelays = try #require(doc["group_relays"] as? [String: Int])
        #expect(groupRelays == ["relays": 200, "memberships": 260, "in_several_groups": 60])
        let shared = try #require(doc["shared_relays"] as? [[String: Any]])
        #expect(shared.reduce(0) { $0 + (($1["relays"] as? [String])?.count ?? 0) } == 60)
        #expect(shared.allSatisfy { ($0["groups"] as? [String])?.count == 2 && ($0["files"] as? [String])?.count == 2 })
        let warnings = try #require(doc["warnings"] as? [String])
        #expect(warnings.filter { $0.contains(" shares ") }.count == shared.count)
    }
}
