import Testing
import TormemCore
import TormemData
import TormemPlot
import TormemTestSupport
@testable import TormemCharts

@Suite struct GroupMeansChartTests {
    @Test(arguments: [ChartStyle(), ChartStyle(theme: .light, width: 900, height: 600)])
    func layoutOnRealAndSyntheticData(style: ChartStyle) throws {
        for (a, labels) in [try ChartTestData.realAnalysis(), try ChartTestData.experimentAnalysis()] {
            checkLayout(GroupMeansChart.make(a, labels: labels, options: RelayChartOptions(), style: style))
        }
    }

    @Test func twoHundredRelaysInFourGroups() {
        let a = GroupAnalysis(DailyTable.from(ChartTestData.manyRelays(200, points: 2000)), control: "A")
        checkLayout(GroupMeansChart.make(a, labels: GroupLabels(), options: RelayChartOptions(), style: ChartStyle()))
    }

    @Test func skipReasons() throws {
        let monitor = try ChartTestData.context("synthetic/monitor_daily_120.csv")
        #expect(GroupMeansChart().make(monitor).skipReason
                == "no per-relay data with groups (needs experiment data, or unified relay rows with a group column, groups/*.txt or relay_config.csv)")
        let empty = try ChartTestData.context("bad/experiment_all_empty.csv")
        #expect(GroupMeansChart().make(empty).skipReason == "no group has any value (every cell is empty)")
    }
}
