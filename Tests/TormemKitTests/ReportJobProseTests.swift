import Foundation
import Testing
import TormemCore
import TormemTestSupport
@testable import TormemKit

/// An operator drafts a report, writes into it, regenerates it with changed data and options, and
/// publishes it: every word they wrote is still there, and charts/ holds exactly the current set.
@Suite struct ReportJobProseTests {
    @Test func everyWordSurvivesThreeRegenerations() throws {
        let (root, folder) = try newRealReport([])
        let report = folder + "/REPORT.md", readme = folder + "/README.md"
        var text = try String(contentsOfFile: report, encoding: .utf8)
        let doc = try MarkedDocument(parsing: text, file: report)
        let findings = try #require(doc.body(of: "draft-findings"))
        // Prose outside the markers, a rewrite of the draft findings inside theirs, and the timeline
        // section made the person's own by deleting its markers.
        text = text.replacingOccurrences(of: "_What the key metrics below show._", with: "DirCache 0 keeps relays under 0.5 GB.")
            .replacingOccurrences(of: "_Why memory behaves this way._", with: "glibc arenas never give memory back.")
            .replacingOccurrences(of: findings, with: "Our findings: DirCache 0 wins, see chart 2.")
        text = text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("tormem:begin timeline") && !$0.contains("tormem:end timeline") }.joined(separator: "\n")
        text = text.replacingOccurrences(of: "_No events:", with: "_Our timeline, no events:")
        try write(text, to: report)
        var notes = try String(contentsOfFile: readme, encoding: .utf8)
        notes = notes.replacingOccurrences(of: "_Add context here:", with: "We restarted every relay on day 0. _Add context here:")
        try write(notes, to: readme)
        // A file tormem did not write stays whatever happens.
        try write("not a chart of tormem's", to: folder + "/charts/photo.png")

        func expectEveryWord(_ step: String) throws {
            let r = try String(contentsOfFile: report, encoding: .utf8)
            for words in ["DirCache 0 keeps relays under 0.5 GB.", "glibc arenas never give memory back.",
                          "Our findings: DirCache 0 wins, see chart 2.", "_Our timeline, no events:"] {
                #expect(r.contains(words), "\(step): \(words)")
            }
            #expect(!r.contains("tormem:begin timeline"), "\(step)")
            #expect(try String(contentsOfFile: readme, encoding: .utf8).contains("We restarted every relay on day 0."), "\(step)")
            #expect(bytes(folder + "/charts/photo.png") == Array("not a chart of tormem's".utf8), "\(step)")
            #expect(try run(["regenerate", root, "--check"]).status == 0, "\(step)")
        }

        // 1: changed data (the last collection left out).
        let data = folder + "/measurements.csv"
        let rows = try String(contentsOfFile: data, encoding: .utf8).split(separator: "\n")
        let last = try #require(rows.last?.split(separator: ",").first)
        try write(rows.filter { !$0.hasPrefix(last) }.joined(separator: "\n") + "\n", to: data)
        #expect(try run(["regenerate", root, "--check"]).status == 1)
        let first = try run(["report", folder])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("REPORT.md: section draft-findings was edited: kept; delete the markers to keep it yours, or `--reset draft-findings` to regenerate it"))
        try expectEveryWord("changed data")

        // 2: both themes.
        #expect(try run(["report", folder, "--theme", "both", "-q"]).status == 0)
        #expect(listing(folder + "/charts").filter { $0.hasSuffix("-dark.png") }.count == realCharts.count)
        try expectEveryWord("--theme both")

        // 3: SVG only: every PNG tormem drew goes, and is listed.
        let svg = try run(["report", folder, "--format", "svg", "--width", "1000"])
        #expect(svg.status == 0, "\(svg.stderr)")
        #expect(svg.stdout.contains("removed \(folder)/charts/memory_usage-dark.png"))
        #expect(listing(folder + "/charts") == (realCharts.map { $0.replacingOccurrences(of: ".png", with: ".svg") }
            + realCharts.map { $0.replacingOccurrences(of: ".png", with: "-dark.svg") } + ["photo.png"]).sorted())
        try expectEveryWord("--format svg")

        // --reset gives the draft findings back to tormem.
        #expect(try run(["report", folder, "--reset", "draft-findings", "-q"]).status == 0)
        #expect(try String(contentsOfFile: report, encoding: .utf8).contains(DraftFindings.signature))
        #expect(try run(["report", folder, "--reset", "draft-finding"]).stderr.contains("did you mean 'draft-findings'?"))
    }

    /// A chart tormem drew that the current options do not produce is stale for `--check`, and
    /// `report` removes it.
    @Test func leftOverChartsAreStaleAndRemoved() throws {
        let (root, folder) = try newRealReport([])
        let charts = folder + "/charts"
        try FileManager.default.copyItem(atPath: charts + "/memory_usage.png", toPath: charts + "/old_memory_usage.png")
        let check = try run(["regenerate", root, "--check"])
        #expect(check.status == 1)
        #expect(check.stderr.contains("\(charts)/old_memory_usage.png: drawn by tormem but not produced by the current options"))
        let again = try run(["regenerate", root])
        #expect(again.stdout.contains("removed \(charts)/old_memory_usage.png"), "\(again.stdout)")
        #expect(!listing(charts).contains("old_memory_usage.png"))
        #expect(try run(["regenerate", root, "--check"]).status == 0)
    }
}

/// What `report --new` takes from experiment.json and what it says it copied.
@Suite struct ReportNewTests {
    @Test func hostAndDateComeFromExperimentJSONAndEveryCopyIsListed() throws {
        let dir = try folderWithTimeline()
        try FileManager.default.copyItem(atPath: Fixtures.url("real-2025-09-18/experiment.json"), toPath: dir + "/experiment.json")
        let root = try temporaryFolder() + "/reports"
        let made = try run(["report", "--new", "guard", "--data", dir + "/measurements.csv", "--reports-dir", root])
        #expect(made.status == 0, "\(made.stderr)")
        let folder = root + "/2025-09-09-co-guard"  // experiment.json: server co, start_date 2025-09-09
        for name in ["measurements.csv", "experiment.json", "events.csv", "diagnostics.csv"] {
            #expect(made.stdout.contains("copied \(dir)/\(name) → \(folder)/\(name)"), "\(name)")
        }
        let report = try String(contentsOfFile: folder + "/REPORT.md", encoding: .utf8)
        #expect(report.contains("| Kernels | 6.1.0-25-amd64, 6.1.0-28-amd64 |"))
        #expect(report.contains("| Host memory | 62.50 GB total, 20.00 GB available (2025-09-18 00:00 UTC) |"))
        #expect(report.contains("Data quality:\n\n- co: 1 gap in the collections"))
        #expect(report.contains("\n- events.csv:4: column timestamp: expected an ISO 8601 time"))
        #expect(report.contains("- diagnostics.csv: host facts of 2 collections"))
        // Without experiment.json, --host and --date are needed, and the message says so.
        let bare = try temporaryFolder()
        try FileManager.default.copyItem(atPath: realData, toPath: bare + "/data.csv")
        let refused = try run(["report", "--new", "x", "--data", bare + "/data.csv", "--reports-dir", root])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--new needs --host HOST and --date YYYY-MM-DD"), "\(refused.stderr)")
    }
}
