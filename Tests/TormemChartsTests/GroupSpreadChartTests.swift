import Testing
import TormemCore
import TormemData
import TormemPlot
import TormemTestSupport
@testable import TormemCharts

@Suite struct GroupSpreadChartTests {
    @Test(arguments: [ChartStyle(), ChartStyle(theme: .light, width: 900, height: 600)])
    func layoutOnRealAndSyntheticData(style: ChartStyle) throws {
        for (a, labels) in [try ChartTestData.realAnalysis(), try ChartTestData.experimentAnalysis()] {
            checkLayout(GroupSpreadChart.make(a, labels: labels, options: RelayChartOptions(), style: style))
        }
    }

    /// 80 relays in a group, a few of them far from the rest: every dot drawn, the unlike relays
    /// named (at most four per group), no text overlapping.
    @Test func eightyRelaysStayReadableAndUnlikeRelaysAreNamed() throws {
        var rows: [RelayInfo] = [], values: [[Double]] = []
        for r in 0..<80 {
            rows.append(RelayInfo(nickname: "m\(r)", group: "M"))
            values.append([0.5, r < 6 ? 4.0 + Double(r) * 0.1 : 0.6 + Double(r % 10) * 0.02])
        }
        for r in 0..<10 { rows.append(RelayInfo(nickname: "c\(r)", group: "C")); values.append([0.5, 5 + Double(r) * 0.05]) }
        let a = GroupAnalysis(DailyTable(days: [0, 1], relays: rows, values: values), labels: GroupLabels(["C": "control"]))
        let m = try #require(a.stats("M"))
        #expect(m.unlike.count == 6)
        let fig = GroupSpreadChart.make(a, labels: GroupLabels(), options: RelayChartOptions(), style: ChartStyle())
        checkLayout(fig)
        let text = drawnStrings(fig)
        #expect(text.filter { $0.hasPrefix("m") && Int($0.dropFirst()) != nil }.count == 4)
        #expect(text.contains { $0.contains("6 relays unlike their group") && $0.contains("4 named") })
        guard case .plot(let panel) = fig.panels[0], case .spread(let spread) = panel.layers[0] else {
            Issue.record("expected a spread layer"); return
        }
        #expect(spread.columns.map(\.values.count) == [10, 80])
    }

    @Test func jitterIsDeterministicAndInsideTheColumn() {
        let offsets = (0..<500).map(SpreadLayer.jitter)
        #expect(offsets == (0..<500).map(SpreadLayer.jitter))
        #expect(offsets.allSatisfy { abs($0) <= 0.3 })
        #expect(Set(offsets).count > 400)
    }

    @Test func namedWithThePrefixAndSkippedWithoutGroups() throws {
        #expect(GroupSpreadChart().fileStem(prefix: "memory") == "chart4_group_spread")
        #expect(GroupSpreadChart().fileStem(prefix: "host1") == "host1_chart4_group_spread")
        #expect(GroupSpreadChart().make(try ChartTestData.context("synthetic/monitor_daily_120.csv")).skipReason != nil)
    }
}
