import Testing
import TormemCore
import TormemData
import TormemPlot
import TormemTestSupport
@testable import TormemCharts

@Suite struct FragmentationTimelineChartTests {
    @Test(arguments: [ChartStyle(), ChartStyle(theme: .light, width: 900, height: 600)])
    func layoutOnRealAndSyntheticData(style: ChartStyle) throws {
        for (a, labels) in [try ChartTestData.realAnalysis(), try ChartTestData.experimentAnalysis()] {
            let n = try #require(FragmentationTimelineChart.annotations(a))
            checkLayout(FragmentationTimelineChart.make(a, n, labels: labels, style: style))
        }
    }

    @Test func annotationsAreComputed() throws {
        let (a, _) = try ChartTestData.experimentAnalysis()
        let n = try #require(FragmentationTimelineChart.annotations(a))
        #expect(a.table.relays[n.controlRelay].group == a.control)
        #expect(a.table.relays[n.comparedRelay].group == a.compared)
        #expect(n.controlRelay == a.representative(of: a.control!))
        let cv = a.table.values[n.controlRelay].dropFirst().filter { !$0.isNaN }
        #expect(n.jumpFrom == cv.min() && n.jumpTo == cv.max())
        #expect(n.plateau == a.table.final(n.comparedRelay)?.gb)
    }

    @Test func skippedWithoutAControlGroup() {
        let a = GroupAnalysis(DailyTable.from(ChartTestData.manyRelays(8, points: 100)))
        #expect(a.control == nil)
        #expect(FragmentationTimelineChart.annotations(a) == nil)
        #expect(FragmentationTimelineChart.whyNoAnnotations(a)
                == "no control group (no group label says control, default or none); choose one with --control GROUP")
    }
}
