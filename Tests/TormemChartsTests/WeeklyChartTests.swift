import Testing
import TormemCore
import TormemData
import TormemPlot
import TormemTestSupport
@testable import TormemCharts

@Suite struct WeeklyChartTests {
    @Test(arguments: [ChartStyle(), ChartStyle(width: 700, height: 400)])
    func realFixtureLayout(style: ChartStyle) throws {
        checkLayout(WeeklyChart.make(try ChartTestData.realDataset(), style: style))
    }

    @Test func largeSeriesLayout() {
        checkLayout(WeeklyChart.make(ChartTestData.largeDataset(), style: ChartStyle()))
    }

    @Test func barsAreLabelledAcrossNewYear() {
        let start = Timestamp(date: CivilDate(year: 2025, month: 12, day: 15)).seconds
        var s = AggregateSeries(server: "x")
        for i in 0..<(24 * 28) {
            s.times.append(start + Int64(i) * 3600); s.relays.append(10 + i / 200)
            s.totalKB.append(Double(5 + i / 100) * 1_048_576); s.avgKB.append(1_048_576)
            s.minKB.append(1); s.maxKB.append(2)
        }
        let fig = WeeklyChart.make(AggregateDataset(servers: [s]), style: ChartStyle())
        checkLayout(fig)
        let text = drawnStrings(fig)
        for w in ["2025-W51", "2025-W52", "2026-W01", "2026-W02"] {
            #expect(text.contains { $0.contains(w) }, "\(w) labelled")
        }
        #expect(text.filter { $0.hasSuffix(" GB") }.count >= 4)
        #expect(text.contains { $0.contains("relays") })
    }

    /// `--last 7d` ending on a Monday at 17:00: that week is 17 hours of one day, drawn lighter and
    /// labelled, not as a full week.
    @Test func partialWeeksAreMarked() {
        let end = Timestamp(date: CivilDate(year: 2026, month: 1, day: 12)).seconds + 17 * 3600   // a Monday
        var s = AggregateSeries(server: "x")
        for t in stride(from: end - 7 * 86_400, through: end, by: 3600) {
            s.times.append(t); s.relays.append(10)
            s.totalKB.append(50 * 1_048_576); s.avgKB.append(1_048_576); s.minKB.append(1); s.maxKB.append(2)
        }
        let weeks = WeeklyBucket.buckets(s)
        #expect(weeks.map(\.days) == [7, 1])
        #expect(weeks.map(\.isPartial) == [false, true])
        let fig = WeeklyChart.make(AggregateDataset(servers: [s]), style: ChartStyle())
        checkLayout(fig)
        let text = drawnStrings(fig)
        #expect(text.contains("10 relays · 1 of 7 days"))
        #expect(text.contains("10 relays"))
        #expect(text.contains { $0.hasPrefix("lighter: part of a week") })
        guard case .plot(let p) = fig.panels[0], case .bars(let b) = p.layers[0] else { Issue.record("no bars"); return }
        #expect(b.partial == [false, true])
        let canvas = RecordingCanvas(size: fig.size)
        FigureRenderer.draw(fig, on: canvas)
        #expect(canvas.fills.filter { $0.color == fig.theme.accent.withAlpha(BarLayer.partialAlpha) }.count == 2)   // bar and legend swatch
        #expect(canvas.strokes.contains { $0.style.color == fig.theme.accent && !$0.style.dash.isEmpty })
    }

    @Test func aWeekWhoseRelayCountChangedIsLabelledWithTheRange() {
        let start = Timestamp(date: CivilDate(year: 2026, month: 1, day: 5)).seconds   // a Monday
        var s = AggregateSeries(server: "x")
        for i in 0..<(24 * 14) {
            s.times.append(start + Int64(i) * 3600); s.relays.append(i < 24 * 3 ? 32 : 120)
            s.totalKB.append(50 * 1_048_576); s.avgKB.append(1_048_576); s.minKB.append(1); s.maxKB.append(2)
        }
        let fig = WeeklyChart.make(AggregateDataset(servers: [s]), style: ChartStyle())
        checkLayout(fig)
        let text = drawnStrings(fig)
        #expect(text.contains("32–120 relays"))
        #expect(text.contains("120 relays"))
        #expect(text.contains { $0.contains("fewest–most") })
    }

    @Test func drawnFromMonitorData() throws {
        let c = try ChartTestData.context("synthetic/monitor_daily_120.csv")
        #expect(WeeklyChart().make(c).figure != nil)
        #expect(WeeklyChart().fileStem(prefix: "memory") == "memory_weekly")
    }
}
