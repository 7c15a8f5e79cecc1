import Testing
import TormemCharts
import TormemPlot
import TormemTestSupport
@testable import TormemKit

/// Every chart of every fixture, in both themes (and the long-ID fixture at `--width 1000`), is
/// readable by `LayoutAudit`: plots keep at least 35 % of the height, no text overlaps, every
/// callout sits by its mark or is joined to it, labels along a time axis are in time order.
@Suite struct FixtureLayoutTests {
    struct Case: Sendable, CustomStringConvertible {
        var data: String
        var theme: ChartsRequest.ThemeName
        var width: Int? = nil
        var description: String { "\(data) \(theme)" + (width.map { " width \($0)" } ?? "") }
    }

    static let fixtures = ["real-2025-09-18/measurements.csv", "synthetic/experiment_25relays.csv",
                           "synthetic/monitor_daily_120.csv", "synthetic/snapshot_60relays.csv",
                           "synthetic/unified_12relays_7days.csv", "shapes-allocators/memory.csv",
                           "shapes-churn/memory.csv.gz", "tradeoff/collected/measurements.csv", "tradeoff/onionoo/measurements.csv", "caveats/memory.csv"]

    static let cases: [Case] = fixtures.flatMap { f in [Case(data: f, theme: .dark), Case(data: f, theme: .light)] }
        + [Case(data: "shapes-allocators/memory.csv", theme: .dark, width: 1000)]

    @Test(arguments: cases)
    func everyChartIsReadable(_ c: Case) throws {
        var request = ChartsRequest(dataPaths: [Fixtures.url(c.data)], outputDirectory: "unused")
        request.theme = c.theme
        request.width = c.width
        let plan = request.plan(try ChartsJob.inputs(request))
        #expect(!plan.charts.isEmpty)
        for chart in plan.charts {
            let problems = LayoutAudit(chart.figure).problems
            #expect(problems.isEmpty, "\(c) \(chart.name): \(problems)")
        }
    }
}
