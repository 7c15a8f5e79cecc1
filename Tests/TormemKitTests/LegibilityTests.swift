import Testing
import TormemCharts
import TormemPlot
import TormemTestSupport
@testable import TormemKit

/// Charts stay legible where they are published: text grows with the chart's width, so a default
/// 2100-px chart shown 880 px wide (GitHub's README column) and a 1000-px chart at its own size
/// both have ticks of 11 px or more; `--scale` multiplies the sizes.
@Suite struct LegibilityTests {
    /// The smallest text of every chart of the real data, in pixels as shown `shownWidth` wide.
    func smallestText(width: Int?, scale: Double? = nil, shownWidth: Double? = nil, largest: Bool = false,
                      data: String = realData) throws -> [String: Double] {
        var request = ChartsRequest(dataPaths: [data], outputDirectory: "unused")
        request.width = width
        request.scale = scale
        let plan = request.plan(try ChartsJob.inputs(request))
        var out: [String: Double] = [:]
        for chart in plan.charts {
            let canvas = RecordingCanvas(size: chart.figure.size)
            FigureRenderer.draw(chart.figure, on: canvas)
            let factor = (shownWidth ?? chart.figure.size.width) / chart.figure.size.width
            // Ranking rows shrink with their row height by design; every other text counts.
            let sizes = canvas.texts.map(\.item.font.size)
            out[chart.name] = ((largest ? sizes.max() : sizes.min()) ?? 0) * factor
        }
        return out
    }

    @Test func defaultChartsShownAtGitHubsWidthKeepLegibleText() throws {
        for (name, px) in try smallestText(width: nil, shownWidth: 880) {
            #expect(px >= 10.5, "\(name): smallest text \(px) px when shown 880 px wide")
        }
    }

    @Test func thousandPixelChartsKeepLegibleTextAndTheirProportions() throws {
        for (name, px) in try smallestText(width: 1000) {
            #expect(px >= 11, "\(name): smallest text \(px) px")
        }
        var request = ChartsRequest(dataPaths: [realData], outputDirectory: "unused")
        request.width = 1000
        let usage = try #require(request.plan(try ChartsJob.inputs(request)).charts.first { $0.name == "memory_usage" })
        #expect(usage.figure.size == Size(width: 1000, height: 714))   // 2100×1500 scaled
        checkNoOverlap(usage.figure)
    }

    /// The same on the synthetic files: 60 relays in a snapshot ranking (a tall chart of ~70 rows
    /// at most), a distribution's top 10 and bottom 5, 25 relays in 5 groups, a monitor file, and
    /// groups with bandwidth (chart 5's key beside its plot).
    @Test(arguments: ["synthetic/snapshot_60relays.csv", "synthetic/experiment_25relays.csv",
                      "synthetic/unified_12relays_7days.csv", "synthetic/monitor_daily_120.csv",
                      "tradeoff/collected/measurements.csv", "caveats/memory.csv"])
    func everyChartOfTheSyntheticFilesIsLegible(file: String) throws {
        for (name, px) in try smallestText(width: nil, shownWidth: 880, data: Fixtures.url(file)) {
            #expect(px >= 10.5, "\(file) \(name): smallest text \(px) px when shown 880 px wide")
        }
        for (name, px) in try smallestText(width: 1000, data: Fixtures.url(file)) {
            #expect(px >= 11, "\(file) \(name): smallest text \(px) px at --width 1000")
        }
    }

    @Test func scaleMultipliesTextSizes() throws {
        // The title, which no layout shrinks, is 1.5 times as large.
        let base = try smallestText(width: 1000, largest: true), larger = try smallestText(width: 1000, scale: 1.5, largest: true)
        for (name, px) in base {
            #expect(abs((larger[name] ?? 0) - px * 1.5) < 0.01, "\(name)")
        }
        #expect(FigureRenderer.scale(for: Size(width: 2100, height: 1500)) == 1.75)
        #expect(FigureRenderer.scale(for: Size(width: 1200, height: 600)) == 1)
        #expect(FigureRenderer.scale(for: Size(width: 1200, height: 600), textScale: 2) == 2)
    }

    /// Long group labels (`A · DirCache 0 + MaxMem 2GB (n = 3)`) are wrapped on a few lines under
    /// their column rather than turned along the axis, which took half the chart's height.
    @Test(arguments: [nil, 1000] as [Int?])
    func longGroupLabelsAreWrappedNotTurned(width: Int?) throws {
        var request = ChartsRequest(dataPaths: [realData], outputDirectory: "unused")
        request.width = width
        let spread = try #require(request.plan(try ChartsJob.inputs(request)).charts.first { $0.name == "chart4_group_spread" })
        let canvas = RecordingCanvas(size: spread.figure.size)
        FigureRenderer.draw(spread.figure, on: canvas)
        #expect(canvas.texts.allSatisfy { $0.item.quarterTurns == 0 || $0.item.text.hasPrefix("GB") }, "only the y-axis title is turned")
        let parts = ["DirCache 0", "(n = 3)", "(n = 1)", "E"]
        for part in parts { #expect(canvas.texts.contains { $0.item.text.contains(part) }, "\(part)") }
        // The labels' lines sit below the plot, in at most four rows.
        let labelRows = Set(canvas.texts.filter { $0.item.text.hasPrefix("(n = ") }.map { ($0.box.minY).rounded() })
        #expect(labelRows.count <= 2)
        let lowest = canvas.texts.filter { $0.item.text.hasPrefix("(n = ") }.map(\.box.maxY).max() ?? 0
        let highest = canvas.texts.filter { ["A", "B", "C", "D", "E"].contains($0.item.text) }.map(\.box.minY).min() ?? 0
        #expect(lowest - highest < 4.5 * (canvas.texts.first { $0.item.text == "A" }?.box.height ?? 0))
        checkNoOverlap(spread.figure)
    }

    func checkNoOverlap(_ figure: Figure) {
        let problems = layoutProblems(figure)
        #expect(problems.isEmpty, "\(problems)")
    }
}
