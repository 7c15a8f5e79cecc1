import Testing
import TormemCore
import TormemData
import TormemTestSupport
@testable import TormemChart

/// Layout checked on a recording canvas: no two texts overlap, none leaves the canvas.
@Suite struct ChartLayoutTests {
    static func realDataset() throws -> AggregateDataset {
        AggregateDataset(servers: try DataLoader.load(path: Fixtures.url("real-2025-09-18/measurements.csv")).servers)
    }

    /// A long, noisy series with many relay-count changes, like a year of 5-minute samples.
    static func largeDataset(points: Int = 20_000, servers: [String] = ["relayhost"]) -> AggregateDataset {
        let start = Timestamp(date: CivilDate(year: 2025, month: 11, day: 1)).seconds
        return AggregateDataset(servers: servers.enumerated().map { k, name in
            var s = AggregateSeries(server: name)
            var seed: UInt64 = 7 &+ UInt64(k)
            for i in 0..<points {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                let noise = Double(seed >> 40) / Double(1 << 24)
                let relays = 40 + (i / 1500) % 7 * 3
                let avg = (0.5 + 4.5 * (1 - 1 / (1 + Double(i % 3000) / 300)) + noise * 0.3) * 1_048_576
                s.times.append(start + Int64(i) * 300)
                s.relays.append(relays)
                s.avgKB.append(avg)
                s.totalKB.append(avg * Double(relays))
                s.minKB.append(avg * 0.6)
                s.maxKB.append(avg * 1.3)
            }
            return s
        })
    }

    func check(_ figure: Figure) {
        let problems = layoutProblems(figure)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test(arguments: [ChartStyle(), ChartStyle(theme: .light, title: "A very long title for a server"),
                      ChartStyle(width: 900, height: 600)])
    func realFixtureUsageChart(style: ChartStyle) throws {
        check(MemoryUsageChart.make(try Self.realDataset(), style: style))
    }

    @Test(arguments: [ChartStyle(), ChartStyle(width: 700, height: 400)])
    func realFixtureWeeklyChart(style: ChartStyle) throws {
        check(WeeklyChart.make(try Self.realDataset(), style: style))
    }

    @Test func largeSeriesCharts() {
        let d = Self.largeDataset()
        check(MemoryUsageChart.make(d, style: ChartStyle()))
        check(WeeklyChart.make(d, style: ChartStyle()))
    }

    @Test func multiServerCharts() {
        let d = Self.largeDataset(points: 3000, servers: ["alpha", "beta", "gamma"])
        let fig = MemoryUsageChart.make(d, style: ChartStyle())
        check(fig)
        let canvas = RecordingCanvas(size: fig.size)
        FigureRenderer.draw(fig, on: canvas)
        for name in ["alpha", "beta", "gamma"] {
            #expect(canvas.strings.contains { $0.contains(name) }, "legend names \(name)")
        }
    }

    @Test func usageChartLabelsHighAndLowAndTitle() throws {
        let d = try Self.realDataset()
        let fig = MemoryUsageChart.make(d, style: ChartStyle(title: "My relays"))
        let canvas = RecordingCanvas(size: fig.size)
        FigureRenderer.draw(fig, on: canvas)
        #expect(canvas.strings.contains { $0.contains("My relays") })
        #expect(canvas.strings.contains { $0.hasPrefix("High") })
        #expect(canvas.strings.contains { $0.hasPrefix("Low") })
        // Default title: the server name from the data.
        let plain = MemoryUsageChart.make(d, style: ChartStyle())
        #expect(plain.title.contains("co"))
    }

    @Test func weeklyBarsAreLabelledAcrossNewYear() {
        let start = Timestamp(date: CivilDate(year: 2025, month: 12, day: 15)).seconds
        var s = AggregateSeries(server: "x")
        for i in 0..<(24 * 28) {
            s.times.append(start + Int64(i) * 3600); s.relays.append(10 + i / 200)
            s.totalKB.append(Double(5 + i / 100) * 1_048_576); s.avgKB.append(1_048_576)
            s.minKB.append(1); s.maxKB.append(2)
        }
        let fig = WeeklyChart.make(AggregateDataset(servers: [s]), style: ChartStyle())
        check(fig)
        let canvas = RecordingCanvas(size: fig.size)
        FigureRenderer.draw(fig, on: canvas)
        for w in ["2025-W51", "2025-W52", "2026-W01", "2026-W02"] {
            #expect(canvas.strings.contains { $0.contains(w) }, "\(w) labelled")
        }
        #expect(canvas.strings.filter { $0.hasSuffix(" GB") }.count >= 4)
        #expect(canvas.strings.contains { $0.contains("relays") })
    }
}
