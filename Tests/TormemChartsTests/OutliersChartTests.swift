import Testing
import TormemCore
import TormemData
import TormemPlot
import TormemTestSupport
@testable import TormemCharts

@Suite struct OutliersChartTests {
    @Test func realDataHasNoOutlierAboveTwoSigmaButSomeAboveAFixedThreshold() throws {
        let t = try ChartTestData.load("real-2025-09-18/measurements.csv").relays
        let stats = RelayStatistics(latestOf: t)
        #expect(OutliersChart.make(t, stats: stats, options: RelayChartOptions(), style: ChartStyle()) == nil)
        let fig = try #require(OutliersChart.make(t, stats: stats, options: RelayChartOptions(outlierThresholdGB: 4.5), style: ChartStyle()))
        checkLayout(fig)
        let names = drawnStrings(fig)
        for o in stats.outliers(fixed: 4.5) { #expect(names.contains { $0.contains(o.info.nickname) }) }
    }

    @Test func twoHundredRelaysLayout() throws {
        let t = ChartTestData.manyRelays(200, points: 2000)
        let fig = try #require(OutliersChart.make(t, stats: RelayStatistics(latestOf: t), options: RelayChartOptions(outlierThresholdGB: 3),
                                                  style: ChartStyle()))
        checkLayout(fig)
    }

    @Test func skipReasonNamesTheThreshold() throws {
        let c = try ChartTestData.context("real-2025-09-18/measurements.csv")
        let reason = try #require(OutliersChart().make(c).skipReason)
        #expect(reason.hasPrefix("no relay above the threshold of "))
        #expect(reason.hasSuffix(" GB"))
    }
}

@Suite struct OutliersChartEventTests {
    @Test func eventsAreMarked() throws {
        let t = ChartTestData.manyRelays(200, points: 400)
        let log = ChartTestData.events([(t.start! + 3600 * 100, "migration", "moved to new host", "all")])
        let fig = try #require(OutliersChart.make(t, stats: RelayStatistics(latestOf: t), options: RelayChartOptions(outlierThresholdGB: 3),
                                                  style: ChartStyle(), events: log))
        checkLayout(fig)
        #expect(eventLineXs(fig).count == 1)
        #expect(drawnStrings(fig).contains("moved to new host"))
    }
}
