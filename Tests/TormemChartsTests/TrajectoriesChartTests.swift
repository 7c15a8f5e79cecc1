import Testing
import TormemCore
import TormemData
import TormemPlot
import TormemTestSupport
@testable import TormemCharts

@Suite struct TrajectoriesChartTests {
    @Test func realDataLayout() throws {
        let t = try ChartTestData.load("real-2025-09-18/measurements.csv").relays
        checkLayout(TrajectoriesChart.make(t, options: RelayChartOptions(), style: ChartStyle()))
    }

    @Test func twoHundredRelaysStayReadable() {
        let t = ChartTestData.manyRelays(200, points: 2000)
        let fig = TrajectoriesChart.make(t, options: RelayChartOptions(), style: ChartStyle())
        checkLayout(fig)
        let text = drawnStrings(fig)
        #expect(text.contains { $0.contains("p10–p90") })
        #expect(text.filter { $0.hasSuffix(" GB)") }.count == 20)      // the top 20, named with latest RSS
    }

    /// A long legend makes the chart taller instead of taking the plot's height: the plot of 200
    /// relays (22 legend entries, six rows) is as tall as the plot of a few.
    @Test func aLongLegendMakesTheChartTaller() {
        #expect(TrajectoriesChart.size(legendEntries: 5) == TrajectoriesChart.defaultSize)
        #expect(TrajectoriesChart.size(legendEntries: 22) == Size(width: 2100, height: 1580))
        func plotHeight(_ relays: Int) -> Double {
            let fig = TrajectoriesChart.make(ChartTestData.manyRelays(relays, points: 200), options: RelayChartOptions(), style: ChartStyle())
            let canvas = RecordingCanvas(size: fig.size)
            FigureRenderer.draw(fig, on: canvas)
            // The y tick labels span the plot: from the highest to the lowest.
            let ticks = canvas.texts.filter { $0.item.horizontal == .right && Double($0.item.text) != nil }.map(\.box.midY)
            return (ticks.max() ?? 0) - (ticks.min() ?? 0)
        }
        let few = plotHeight(4), many = plotHeight(200)
        #expect(many >= few * 0.9, "plot \(many) px with 200 relays, \(few) px with 4")
    }

    @Test func descriptionCountsTheRelays() throws {
        let c = try ChartTestData.context("synthetic/unified_12relays_7days.csv", options: RelayChartOptions(topN: 5))
        guard case .drawn(_, let description) = TrajectoriesChart().make(c) else {
            Issue.record("expected a drawn chart"); return
        }
        // The kind of chart, then what it shows for this data: the highest relay, as the ranking has it.
        let top = c.inputs.latest.ranked[0]
        #expect(description == "RSS of each relay over time: the top 5 by latest RSS, and the p10–p90 band and median of all 12; " +
                "the highest, \(top.info.displayName), ends at \(NumberFormat.fixed(top.gb, decimals: 2)) GB.")
        let snapshot = try ChartTestData.context("synthetic/snapshot_60relays.csv")
        #expect(TrajectoriesChart().make(snapshot).skipReason == "a snapshot has one reading per relay, no time series")
    }
}

@Suite struct TrajectoriesChartEventTests {
    @Test func eventsAreMarkedAndHolesBreakTheLines() {
        let t = ChartTestData.manyRelays(60, points: 300)
        let start = t.start!, end = t.end!
        let log = ChartTestData.events([(start + 3600 * 50, "restart", "full fleet restart", "all"),
                                        (start + 3600 * 200, "config_change", "jemalloc", "B"), (end + 10, "late", "after", "")])
        let fig = TrajectoriesChart.make(t, options: RelayChartOptions(), style: ChartStyle(), events: log)
        checkLayout(fig)
        #expect(eventLineXs(fig).count == 2)
        let text = drawnStrings(fig)
        #expect(text.contains("full fleet restart"))
        #expect(text.contains("group B: jemalloc"))
        #expect(!text.contains("after"))
    }
}
