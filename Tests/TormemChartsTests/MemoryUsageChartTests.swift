import Testing
import TormemCore
import TormemData
import TormemPlot
import TormemTestSupport
@testable import TormemCharts

@Suite struct MemoryUsageChartTests {
    @Test(arguments: [ChartStyle(), ChartStyle(theme: .light, title: "A very long title for a server"),
                      ChartStyle(width: 900, height: 600)])
    func realFixtureLayout(style: ChartStyle) throws {
        checkLayout(MemoryUsageChart.make(try ChartTestData.realDataset(), style: style))
    }

    @Test func largeSeriesLayout() {
        checkLayout(MemoryUsageChart.make(ChartTestData.largeDataset(), style: ChartStyle()))
    }

    @Test func multiServerLegendNamesEveryServer() {
        let d = ChartTestData.largeDataset(points: 3000, servers: ["alpha", "beta", "gamma"])
        let fig = MemoryUsageChart.make(d, style: ChartStyle())
        checkLayout(fig)
        let text = drawnStrings(fig)
        for name in ["alpha", "beta", "gamma"] {
            #expect(text.contains { $0.contains(name) }, "legend names \(name)")
        }
    }

    @Test func labelsHighAndLowAndTitle() throws {
        let d = try ChartTestData.realDataset()
        let text = drawnStrings(MemoryUsageChart.make(d, style: ChartStyle(title: "My relays")))
        #expect(text.contains { $0.contains("My relays") })
        #expect(text.contains { $0.hasPrefix("High") })
        #expect(text.contains { $0.hasPrefix("Low") })
        // Default title: the server name from the data.
        #expect(MemoryUsageChart.make(d, style: ChartStyle()).title.contains("co"))
    }

    @Test func skippedWithoutAnAggregateSeries() throws {
        let c = try ChartTestData.context("synthetic/experiment_25relays.csv")
        #expect(MemoryUsageChart().make(c).skipReason == "no aggregate time series (needs monitor or unified data)")
        #expect(MemoryUsageChart().fileStem(prefix: "host1") == "host1_usage")
    }
}
