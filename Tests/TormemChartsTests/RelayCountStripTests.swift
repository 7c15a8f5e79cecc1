import Testing
import TormemCore
import TormemData
import TormemPlot
import TormemTestSupport
@testable import TormemCharts

@Suite struct RelayCountStripTests {
    @Test func stepsHoldEachCountUntilTheNextSample() {
        let (xs, ys) = RelayCountStrip.steps(xs: [0, 10, 20, 30, 40], ys: [5, 5, 7, .nan, 9])
        #expect(xs == [0, 10, 20, 20, 30, 40])
        #expect(ys.map { $0.isNaN ? -1 : $0 } == [5, 5, 5, 7, -1, 9])
    }

    @Test func noStripWhenTheCountNeverChanges() throws {
        let d = AggregateDataset(servers: try ChartTestData.load("synthetic/monitor_daily_120.csv").servers)
        #expect(RelayCountStrip.panel(d.combined, theme: .dark, start: 0, end: 1) == nil)
        #expect(MemoryUsageChart.make(d, style: ChartStyle()).panels.count == 2)
    }

    /// A year of relays coming and going: the count is a step line of its own, and the memory
    /// panels carry no relay-count marker (the old chart drew 176 of them, a solid rug).
    @Test func churnIsASeriesNotMarkers() throws {
        let d = AggregateDataset(servers: try ChartTestData.load("shapes-churn/memory.csv.gz").servers)
        let fig = MemoryUsageChart.make(d, style: ChartStyle())
        checkLayout(fig)
        #expect(fig.panels.count == 3)
        var counts: [Double] = []
        for case .plot(let p) in fig.panels {
            if p.y.wholeNumbers {
                for case .line(let l) in p.layers { counts += l.ys.filter { !$0.isNaN } }
            } else {
                #expect(p.countChanges.isEmpty)
            }
        }
        #expect(counts.min() == 95 && counts.max() == 100)
        let canvas = RecordingCanvas(size: fig.size)
        FigureRenderer.draw(fig, on: canvas)
        #expect(!canvas.strings.contains { $0.contains("changes ·") || ($0.contains(" → ") && $0.hasSuffix(" relays") && !$0.contains("·")) })
        #expect(canvas.strings.contains { $0.hasPrefix("relays running (latest") })
    }

    @Test func aLastingStepIsStillMarked() throws {
        let d = AggregateDataset(servers: try ChartTestData.load("shapes-allocators/memory.csv").servers)
        let text = drawnStrings(MemoryUsageChart.make(d, style: ChartStyle()))
        #expect(text.filter { $0 == "180 → 200 relays" }.count == 2)
    }
}
