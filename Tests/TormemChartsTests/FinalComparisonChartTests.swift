import Testing
import TormemCore
import TormemData
import TormemPlot
import TormemTestSupport
@testable import TormemCharts

@Suite struct FinalComparisonChartTests {
    @Test(arguments: [ChartStyle(), ChartStyle(theme: .light, width: 900, height: 600)])
    func layoutOnRealAndSyntheticData(style: ChartStyle) throws {
        for (a, labels) in [try ChartTestData.realAnalysis(), try ChartTestData.experimentAnalysis()] {
            checkLayout(FinalComparisonChart.make(a, labels: labels, style: style))
        }
    }

    @Test func printsComputedNumbers() throws {
        let (a, labels) = try ChartTestData.realAnalysis()
        let text = drawnStrings(FinalComparisonChart.make(a, labels: labels, style: ChartStyle()))
        for g in a.groups {
            #expect(text.contains(ChartText.gbValue(g.endMean)), "final mean of \(g.group)")
            #expect(text.contains { $0.contains(g.status.rawValue) })
        }
        #expect(a.baseline.isNaN)                                   // unified data: no period before the change
        #expect(!text.contains { $0.contains("baseline") })
        for g in a.groups where g.group != a.control {
            let c = try #require(g.vsControl)
            #expect(text.contains { $0.contains(GroupText.vsControl(c)) }, "vs control of \(g.group)")
            #expect(text.contains { $0.contains(GroupText.n(g)) })
        }
        // An experiment file's day 0 is a baseline, drawn as a line.
        let (e, elabels) = try ChartTestData.experimentAnalysis()
        #expect(!e.baseline.isNaN)
        #expect(drawnStrings(FinalComparisonChart.make(e, labels: elabels, style: ChartStyle())).contains {
            $0.contains("baseline " + ChartText.gbValue(e.baseline)) })
    }

    @Test func withoutAControlGroupNamesNoControl() {
        let a = GroupAnalysis(DailyTable.from(ChartTestData.manyRelays(8, points: 100)))
        #expect(a.control == nil)
        let text = drawnStrings(FinalComparisonChart.make(a, labels: GroupLabels(), style: ChartStyle()))
        #expect(text.contains { $0.contains("no control group") })
        #expect(!text.contains { $0.contains("◆") || $0.contains("vs control") })
    }

    @Test func drawnFromExperimentData() throws {
        let c = try ChartTestData.context("synthetic/experiment_25relays.csv")
        let outcome = FinalComparisonChart().make(c)
        #expect(outcome.figure != nil)
        #expect(FinalComparisonChart().fileStem(prefix: "memory") == "chart2_final_comparison")
        #expect(FinalComparisonChart().fileStem(prefix: "x") == "x_chart2_final_comparison")
    }
}
