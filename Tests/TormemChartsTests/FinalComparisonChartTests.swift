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

    /// Fixtures/caveats' D_restart restarts daily (a sawtooth): its row has ticks at the window mean
    /// and the mean peak, both written, and no text overlaps (small canvas too). The tradeoff
    /// fixture's D_mimalloc restarts once per relay: no sawtooth, no ticks.
    @Test(arguments: [ChartStyle(), ChartStyle(theme: .light, width: 900, height: 600)])
    func aRestartingGroupShowsItsWindowMeanAndPeak(style: ChartStyle) throws {
        let c = try ChartTestData.contextWithSideFiles("caveats/memory.csv")
        let a = try #require(c.inputs.groups)
        let d = try #require(c.inputs.restarts.first { $0.group == "D_restart" })
        let mean = try #require(d.windowMeanGB), peak = try #require(d.meanPeakBeforeRestartGB)
        let figure = FinalComparisonChart.make(a, labels: c.inputs.labels, style: style, restarts: c.inputs.restarts)
        checkLayout(figure)
        guard case .ranking(let panel) = figure.panels.first else { Issue.record("not a ranking"); return }
        let marked = panel.rows.filter { !$0.marks.isEmpty }
        #expect(marked.count == 1)
        #expect(marked.first?.marks == [RankingPanel.Mark(value: mean), RankingPanel.Mark(value: peak, dashed: true)])
        #expect(marked.first?.detail.contains("window mean " + ChartText.value(mean, a.metric)) == true)
        #expect(marked.first?.detail.contains("peak " + ChartText.value(peak, a.metric)) == true)
        #expect(drawnStrings(figure).contains { $0.contains("time-weighted window mean") })
        // Without restarts, no ticks and no legend entry.
        let plain = FinalComparisonChart.make(a, labels: c.inputs.labels, style: style)
        #expect(!drawnStrings(plain).contains { $0.contains("window mean") })
        let once = try ChartTestData.contextWithSideFiles("tradeoff/collected/measurements.csv")
        #expect(once.inputs.restarts.contains { $0.group == "D_mimalloc" && $0.restarts == 6 && !$0.isSawtooth })
        let onceFigure = FinalComparisonChart.make(try #require(once.inputs.groups), labels: once.inputs.labels, style: style,
                                                   restarts: once.inputs.restarts)
        #expect(!drawnStrings(onceFigure).contains { $0.contains("window mean") })
    }
}
