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

@Suite struct MemoryUsageChartEventTests {
    @Test func eventsAreMarkedOnBothPanelsWithoutOverlappingText() throws {
        let d = try ChartTestData.realDataset()
        let times = d.combined.times
        let mid = times[times.count / 2]
        let log = ChartTestData.events([(times[0] - 86_400, "experiment", "before the data", "all"),
                                        (mid, "restart", "full fleet restart", "all"),
                                        (mid + 60, "config_change", "mimalloc enabled", "D"),
                                        (times.last!, "experiment_end", "", "")])
        let fig = MemoryUsageChart.make(d, style: ChartStyle(), events: log)
        checkLayout(fig)
        #expect(eventLineXs(fig).count == 6)     // three events in range, two panels
        let text = drawnStrings(fig)
        #expect(!text.contains { $0.contains("before the data") })
        // Labels stack in lanes while they fit; each panel names every event.
        for label in ["full fleet restart", "group D: mimalloc enabled", "experiment_end"] {
            #expect(text.filter { $0 == label }.count == 2, "\(label) on both panels")
        }
    }

    @Test func manyEventsAreClusteredAndStayReadable() {
        let d = ChartTestData.largeDataset(points: 5000)
        let t = d.combined.times
        let log = ChartTestData.events((0..<40).map { (t[0] + Int64($0) * 9000, $0 % 2 == 0 ? "restart" : "relay_add", "event \($0)", "all") })
        for style in [ChartStyle(), ChartStyle(width: 700, height: 500)] {
            let fig = MemoryUsageChart.make(d, style: style, events: log)
            checkLayout(fig)
            #expect(eventLineXs(fig).count == 80)
            #expect(drawnStrings(fig).contains { $0.hasSuffix(" events: restart, relay_add") })
        }
    }

    @Test func aHoleInTheDataBreaksTheLines() throws {
        var s = AggregateSeries(server: "x")
        for i in 0..<40 where !(15..<30).contains(i) {
            s.times.append(1_760_000_000 + Int64(i) * 3600); s.relays.append(10)
            s.totalKB.append(Double(10 + i) * 1_048_576); s.avgKB.append(1_048_576); s.minKB.append(1); s.maxKB.append(2)
        }
        let fig = MemoryUsageChart.make(AggregateDataset(servers: [s]), style: ChartStyle())
        checkLayout(fig)
        for case .plot(let panel) in fig.panels {
            for case .line(let l) in panel.layers {
                #expect(l.ys.filter(\.isNaN).count == 1, "one break in every line")
            }
        }
    }
}

@Suite struct MemoryUsageChartMarkerLabelTests {
    /// 12 events in 10 days (`shapes-allocators`): each label at its own markers, in time order.
    @Test(arguments: [ChartStyle(), ChartStyle(theme: .light), ChartStyle(width: 900, height: 700)])
    func eventLabelsSitAtTheirMarkers(style: ChartStyle) throws {
        let d = AggregateDataset(servers: try ChartTestData.load("shapes-allocators/memory.csv").servers)
        let side = try SideFiles.load(nextTo: Fixtures.url("shapes-allocators/memory.csv"))
        let fig = MemoryUsageChart.make(d, style: style, events: side.events)
        let (labels, problems) = MarkerLabelCheck.check(fig, lineColor: style.theme.event.withAlpha(0.85), labelColor: style.theme.event)
        #expect(problems.isEmpty, "\(problems)")
        #expect(labels.count == 2 && labels.allSatisfy { !$0.isEmpty })
        checkLayout(fig)
    }
}
