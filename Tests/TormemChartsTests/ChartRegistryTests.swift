import Testing
import TormemCore
import TormemData
import TormemPlot
import TormemTestSupport
@testable import TormemCharts

@Suite struct ChartRegistryTests {
    @Test func stemsAreUniqueAndEveryChartHasASummary() {
        let stems = ChartRegistry.all.map { $0.fileStem(prefix: "memory") }
        #expect(Set(stems).count == stems.count)
        #expect(stems == ["memory_usage", "memory_weekly", "chart1_memory_over_time", "chart2_final_comparison",
                          "chart3_fragmentation_timeline", "chart4_group_spread", "chart5_memory_vs_bandwidth", "memory_trajectories", "memory_distribution",
                          "memory_outliers", "memory_ranking"])
        for chart in ChartRegistry.all { #expect(!chart.summary.isEmpty && !chart.summary.contains("\n")) }
    }

    @Test func helpListsEveryChart() {
        let help = ChartRegistry.helpText()
        let lines = help.split(separator: "\n")
        #expect(lines.count == ChartRegistry.all.count)
        for line in lines { #expect(line.count <= 80, "fits a terminal without wrapping: \(line)") }
        for chart in ChartRegistry.all { #expect(help.contains(chart.summary)) }
    }

    /// Every chart of the registry is drawn or skipped with a reason, in registry order; only the
    /// snapshot ranking stays silent for data that is not a snapshot, and chart 5 (a trade-off
    /// beside the group charts) for data without groups.
    @Test(arguments: ["real-2025-09-18/measurements.csv", "synthetic/monitor_daily_120.csv",
                      "synthetic/experiment_25relays.csv", "synthetic/unified_12relays_7days.csv",
                      "synthetic/snapshot_60relays.csv"])
    func planAsksEveryChart(file: String) throws {
        let context = try ChartTestData.context(file)
        let plan = ChartPlan(context, prefix: "memory")
        let named = plan.charts.map(\.name) + plan.skipped.map(\.name)
        let expected = ChartRegistry.all.map { $0.fileStem(prefix: "memory") }
        #expect(Set(named).isSubset(of: expected))
        let silent: Set<String> = context.inputs.groups == nil ? ["memory_ranking", "chart5_memory_vs_bandwidth"] : ["memory_ranking"]
        #expect(Set(expected).subtracting(named).isSubset(of: silent))
        #expect(plan.charts.map(\.name) == expected.filter { Set(plan.charts.map(\.name)).contains($0) })
        for s in plan.skipped { #expect(!s.reason.isEmpty) }
    }
}
