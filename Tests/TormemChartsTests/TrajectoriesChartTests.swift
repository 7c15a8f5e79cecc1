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
