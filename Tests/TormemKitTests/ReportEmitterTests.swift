import Foundation
import Ink
import Testing
import TormemCore
import TormemCharts
import TormemData
import TormemTestSupport
@testable import TormemKit

@Suite struct ReportEmitterTests {
    static func emitter(data: String = realData) throws -> ReportEmitter {
        let inputs = try ChartsJob.inputs(ChartsRequest(dataPaths: [data], outputDirectory: "x"))
        let plan = ChartsRequest(dataPaths: [data], outputDirectory: "x").plan(inputs)
        return ReportEmitter(folderName: "2025-09-18-co-guard", commandPath: "reports/2025-09-18-co-guard", inputs: inputs,
                             charts: plan.charts.map { ("charts/\($0.name).png", $0.description) }, skipped: plan.skipped)
    }

    @Test func keyMetricsOnTheRealFixture() throws {
        let e = try Self.emitter()
        let g = try #require(e.inputs.groups)
        // Computed: group A starts on day 0 at its pre-change mean and ends far lower; B is the control.
        #expect(g.control == "B")
        #expect(g.stats("A")?.status == .stable && g.stats("B")?.status == .fragmented)
        let km = e.report.sections["key-metrics"]!
        for s in g.groups {
            let row = km.split(separator: "\n").first { $0.hasPrefix("| \(s.group) |") }
            let r = try #require(row, "row for group \(s.group)")
            #expect(r.contains(NumberFormat.fixed(s.startMean, decimals: 2) + " GB"))
            #expect(r.contains(NumberFormat.fixed(s.endMean, decimals: 2) + " GB"))
            #expect(r.contains(s.status.rawValue))
            #expect(r.contains("| \(s.relays) |"))
            #expect(r.contains(NumberFormat.fixed(s.endMedian, decimals: 2) + " GB"))
            if let c = s.vsControl { #expect(r.contains(GroupText.percent(c.percent))) } else { #expect(r.contains("| control |")) }
        }
        #expect(km.contains("- baseline: none (the data has no period before the change)"))
        #expect(km.contains("- status: FRAGMENTED: ends at ≥ 4 GB"))
        let draft = try #require(e.report.sections["draft-findings"])
        #expect(draft.hasPrefix("> **Draft findings**"))
        #expect(draft.contains("A · DirCache 0 + MaxMem 2GB ends −94 % against the control B · Control (default)"))
        #expect(draft.contains("Caveat (small group): group B has 1 relay: its behaviour is the group's, and no interval can be given."))
        #expect(draft.contains("Read every comparison with care: the control B · Control (default) has caveats (small group) below."))
        #expect(e.report.sections["hypothesis"]!.contains("DirCache 0 and/or MaxMemInQueues"))
        #expect(e.readme.sections["title"] == "# Guard Relay Memory Fragmentation Investigation")
        #expect(e.report.sections["setup"]!.contains("| Allocator | glibc |"))
    }

    @Test func noWallClockInGeneratedText() throws {
        let e = try Self.emitter()
        let all = e.readme.template + e.report.template
        let thisYear = String(Timestamp(seconds: Int64(Date().timeIntervalSince1970)).date.year)
        #expect(!all.contains(thisYear) || thisYear == "2025")
        #expect(try Self.emitter().report.template == e.report.template)
    }

    @Test(arguments: ["a|b", "<script>alert(1)</script>", "](http://x)", "x\n# heading", "[link](http://evil)", "`code`", "-dash"])
    func hostileTextIsEscaped(text: String) throws {
        let escaped = MarkdownText.cell(text)
        #expect(!escaped.contains("<"))
        let table = MarkdownText.table(["Name", "Value"], [[escaped, "1"]])
        let html = MarkdownParser().html(from: table)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<a "))
        #expect(!html.contains("href"))
        #expect(!html.contains("<h1"))
        // Still one row of two cells.
        #expect(html.components(separatedBy: "<td").count - 1 == 2, "\(html)")
        let image = MarkdownText.image(alt: text, path: "charts/x.png")
        let imageHTML = MarkdownParser().html(from: image)
        #expect(imageHTML.components(separatedBy: "<img").count - 1 == 1, "\(imageHTML)")
        #expect(imageHTML.contains("src=\"charts/x.png\""))
        #expect(!imageHTML.contains("<a "))
    }

    @Test func hostileNicknamesInAReport() throws {
        let dir = try temporaryFolder()
        try write("""
            timestamp,server,type,fingerprint,nickname,group,rss_kb,vmsize_kb,hwm_kb,frag_ratio,count,total_kb,avg_kb,min_kb,max_kb
            2025-01-01T00:00:00,ho|st,relay,,"evil|nick",A,1000,,,,,,,,
            2025-01-01T00:00:00,ho|st,relay,,<script>x</script>,B,2000,,,,,,,,
            2025-01-02T00:00:00,ho|st,relay,,"evil|nick",A,1500,,,,,,,,
            2025-01-02T00:00:00,ho|st,relay,,<script>x</script>,B,5000,,,,,,,,

            """, to: dir + "/data.csv")
        try write(#"{"name": "Report ](http://x) <b>", "groups": {"A": {"name": "a|b"}, "B": {"name": "<img src=x>"}}}"#,
                  to: dir + "/experiment.json")
        let e = try Self.emitter(data: dir + "/data.csv")
        for doc in [e.readme.template, e.report.template] {
            let html = MarkdownParser().html(from: doc)
            #expect(!html.contains("<script"))
            #expect(!html.contains("<img src=x"))
            #expect(!html.contains("<b>"))
            #expect(!html.contains("href=\"http://x"))
        }
        let groups = e.report.sections["groups"]!
        for line in groups.split(separator: "\n") {
            // Unescaped pipes would add cells: every row has exactly the header's 5 separators.
            #expect(line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == 5, "\(line)")
        }
    }

    @Test func generatedMarkdownParsesWithTables() throws {
        let e = try Self.emitter()
        let html = MarkdownParser().html(from: e.report.template)
        #expect(html.components(separatedBy: "<table>").count - 1 == 4)        // setup, groups, key metrics, data reference
        for header in ["Key metrics", "Setup", "Groups", "Analysis", "Root cause", "Recommendations", "Next steps", "Data reference"] {
            #expect(html.contains("<h2>\(header)</h2>"), "section \(header)")
        }
        #expect(html.contains("<th>Status</th>"))
        #expect(html.contains("<td>FRAGMENTED</td>"))
        #expect(html.components(separatedBy: "<img").count - 1 == e.charts.count)
        let readme = MarkdownParser().html(from: e.readme.template)
        #expect(readme.contains("<table>"))
        #expect(readme.contains("tormem-charts report reports/2025-09-18-co-guard"))
    }
}

@Suite struct ReportEmitterTimelineTests {
    @Test func timelineSectionAndDataReference() throws {
        let dir = try folderWithTimeline()
        let e = try ReportEmitterTests.emitter(data: dir + "/measurements.csv")
        let report = e.report
        #expect(report.template.contains("## Timeline\n\n" + MarkedDocument.begin("timeline", body: report.sections["timeline"]!)))
        let timeline = try #require(report.sections["timeline"])
        #expect(timeline.contains("| 2025-09-12 14:00 | config\\_change | DirCache 0 on group A | group A |"))
        #expect(timeline.split(separator: "\n").count == 5)
        let reference = try #require(report.sections["data-reference"])
        #expect(reference.contains("| events.csv | timeline | 3 | 1 |"))
        #expect(reference.contains("| diagnostics.csv | host diagnostics | 2 | 0 |"))
        #expect(reference.contains("Data points: 7 collections (distinct timestamps per server), 79 rows"))
        #expect(report.sections["key-metrics"]!.contains("All relays: total +110.7%, relays 3 → 13; per relay 5.35 → 2.60 GB, -51.4%."))
    }

    @Test func aggregateKeyMetricsStateFleetAndPerRelayGrowth() throws {
        let e = try ReportEmitterTests.emitter(data: Fixtures.url("synthetic/monitor_daily_120.csv"))
        let km = try #require(e.report.sections["key-metrics"])
        #expect(km.contains("| Growth of the total (fleet) | "))
        let row = try #require(km.split(separator: "\n").first { $0.hasPrefix("| Growth per relay (avg) | ") })
        #expect(row.contains(" → ") && row.contains(" GB (") && row.hasSuffix("%) |"))
    }
}
