import Testing
import TormemCore
import TormemData
import TormemPlot
import TormemTestSupport
@testable import TormemCharts

@Suite struct DistributionChartTests {
    @Test func realDataLayout() throws {
        let t = try ChartTestData.load("real-2025-09-18/measurements.csv").relays
        checkLayout(DistributionChart.make(RelayStatistics(latestOf: t), subject: "co", subtitle: "x", style: ChartStyle()))
    }

    @Test func twoHundredRelaysLayout() {
        let stats = RelayStatistics(latestOf: ChartTestData.manyRelays(200, points: 2000))
        checkLayout(DistributionChart.make(stats, subject: "host", subtitle: "", style: ChartStyle()))
    }

    @Test func drawnFromRelaySeriesAndFromSnapshots() throws {
        let unified = try ChartTestData.context("synthetic/unified_12relays_7days.csv")
        #expect(DistributionChart().make(unified).figure != nil)
        let snapshot = try ChartTestData.context("synthetic/snapshot_60relays.csv")
        guard case .drawn(_, let description) = DistributionChart().make(snapshot) else {
            Issue.record("expected a drawn chart"); return
        }
        #expect(description.contains("at the snapshot"))
        let none = try ChartTestData.context("bad/snapshot_all_not_running.csv")
        #expect(DistributionChart().make(none).skipReason == "no relay was running in the snapshot")
    }
}
