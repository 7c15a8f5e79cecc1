import Foundation
import Testing
import TormemCore
import TormemPlot
import TormemTestSupport
@testable import TormemKit

/// `--since`, `--until`, `--last` end to end: every chart and the summary see only the window.
@Suite struct TimeWindowOptionTests {
    @Test func summaryJSONAndChartsSayTheWindow() throws {
        let dir = try temporaryFolder() + "/out"
        let r = try run(["--data", realData, "--output-dir", dir, "--since", "2025-09-12", "--json", dir + "/run.json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("time window  2025-09-12 00:00 → 2025-09-18 00:00 UTC (--since 2025-09-12)"))
        #expect(r.stdout.contains("period       2025-09-12 → 2025-09-18"))
        let json = String(decoding: bytes(dir + "/run.json") ?? [], as: UTF8.self)
        #expect(json.contains("\"from\": \"2025-09-12T00:00:00Z\",\n    \"to\": \"2025-09-18T00:00:00Z\",\n    \"samples_kept\": 49,\n    \"samples_outside\": 23"))
        // The whole run, without a window, has no window.
        let all = try run(["--data", realData, "--output-dir", dir, "--json", "-"])
        #expect(all.stdout.contains("\"window\": null"))
    }

    @Test func chartsOfAWindowDifferFromTheWholeAndSayItInTheirSmallPrint() throws {
        var request = ChartsRequest(dataPaths: [realData], outputDirectory: "unused")
        request.last = "5d"   // the fixture has samples on Sep 13, 14 and 18 in it
        let inputs = try ChartsJob.inputs(request)
        let plan = request.plan(inputs)
        let usage = try #require(plan.charts.first { $0.name == "memory_usage" })
        let canvas = RecordingCanvas(size: usage.figure.size)
        FigureRenderer.draw(usage.figure, on: canvas)
        #expect(canvas.strings.contains { $0.contains("2025-09-13 00:00 → 2025-09-18 00:00 UTC") })
        #expect(inputs.aggregate?.servers[0].times.count == 3)
    }

    @Test(arguments: [
        ["--last", "30"], ["--last", "3m"], ["--since", "last week"], ["--until", "2025-13-01"],
        ["--since", "2025-09-12", "--last", "3d"], ["--since", "2025-09-18", "--until", "2025-09-12"],
    ])
    func badWindowsAreUsageErrors(arguments: [String]) throws {
        let dir = try temporaryFolder() + "/out"
        let r = try run(["--data", realData, "--output-dir", dir] + arguments)
        #expect(r.status == 2, "\(arguments): \(r.stderr)")
        #expect(r.stderr.contains("expected"))
        #expect(!FileManager.default.fileExists(atPath: dir))
    }

    @Test func aWindowWithNoDataIsAnInputErrorNamingWhatTheDataCovers() throws {
        let dir = try temporaryFolder() + "/out"
        let r = try run(["--data", realData, "--output-dir", dir, "--since", "2026-01-01"])
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains("no data in the time window 2026-01-01 00:00"))
        #expect(r.stderr.contains("the data covers 2025-09-09 00:00 → 2025-09-18 00:00 UTC"))
    }

    @Test func theWindowIsAChartSettingKeptInTormemJSON() throws {
        var s = ChartSettings()
        s[.last] = .text("7d")
        let back = try ChartSettings(json: Array(s.json.text.utf8), file: "tormem.json")
        #expect(back == s)
        #expect(s.arguments == ["--last", "7d"])
        var bad = ChartSettings()
        bad[.since] = .text("soon")
        #expect(bad.problem?.hasPrefix("since soon: expected a UTC date") == true)
        var both = ChartSettings()
        both[.since] = .text("2025-09-12"); both[.last] = .text("2d")
        #expect(both.problem?.contains("either --since or --last") == true)
    }
}
