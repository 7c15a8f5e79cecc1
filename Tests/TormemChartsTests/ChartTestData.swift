import Testing
import TormemCore
import TormemData
import TormemPlot
import TormemTestSupport
@testable import TormemCharts

/// Data the chart tests draw: the real fixture, the synthetic files, and generated series that are
/// long, noisy and wide like a year of samples from hundreds of relays.
enum ChartTestData {
    static func load(_ relative: String) throws -> LoadedFile { try DataLoader.load(path: Fixtures.url(relative)) }

    static func realDataset() throws -> AggregateDataset {
        AggregateDataset(servers: try load("real-2025-09-18/measurements.csv").servers)
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

    static func realAnalysis() throws -> (GroupAnalysis, GroupLabels) {
        let f = try load("real-2025-09-18/measurements.csv")
        let labels = GroupLabels(["A": "DirCache 0 + MaxMem 2GB", "B": "Control (default)", "C": "MaxMem 2GB only",
                                  "D": "MaxMem 4GB only", "E": "DirCache 0 only"])
        return (GroupAnalysis(DailyTable.from(f.relays), labels: labels), labels)
    }

    static func experimentAnalysis() throws -> (GroupAnalysis, GroupLabels) {
        let f = try load("synthetic/experiment_25relays.csv")
        let labels = GroupLabels(f.metadata.groupLabels)
        return (GroupAnalysis(f.daily!, labels: labels), labels)
    }

    /// `count` relays × `points` hourly samples, some restarting, some missing samples.
    static func manyRelays(_ count: Int, points: Int) -> RelayTable {
        var relays: [RelaySeries] = []
        var seed: UInt64 = 99
        for r in 0..<count {
            var s = RelaySeries(info: RelayInfo(nickname: "relay\(r)", group: ["A", "B", "C", "D"][r % 4], server: "host"))
            for i in 0..<points where (i + r) % 37 != 0 {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                let noise = Double(seed >> 40) / Double(1 << 24)
                let cycle = Double((i + r * 13) % 500) / 500
                s.append(time: 1_760_000_000 + Int64(i) * 3600, value: (0.5 + Double(r % 4) * 1.2 * cycle + noise * 0.2) * 1_048_576)
            }
            relays.append(s)
        }
        return RelayTable(relays: relays)
    }

    /// An `events.csv` timeline: one event per (seconds, type, description, group).
    static func events(_ items: [(Int64, String, String, String)]) -> EventLog {
        EventLog(events: items.map { ExperimentEvent(time: Timestamp(seconds: $0.0), type: $0.1, description: $0.2, group: $0.3) })
    }

    /// The chart context of a whole data file, as `tormem-charts` builds it.
    /// A fixture with the side files next to it (groups/, experiment.json, events.csv).
    static func contextWithSideFiles(_ relative: String, style: ChartStyle = ChartStyle()) throws -> ChartContext {
        let path = Fixtures.url(relative)
        return ChartContext(inputs: ChartInputs(files: [try DataLoader.load(path: path)], side: try SideFiles.load(nextTo: path)),
                            style: style, options: RelayChartOptions())
    }

    static func context(_ relative: String, options: RelayChartOptions = RelayChartOptions()) throws -> ChartContext {
        let file = try load(relative)
        return ChartContext(inputs: ChartInputs(files: [file], side: SideFiles()), style: ChartStyle(), options: options)
    }
}

/// No two texts overlap and none leaves the canvas.
func checkLayout(_ figure: Figure, sourceLocation: SourceLocation = #_sourceLocation) {
    let problems = layoutProblems(figure)
    #expect(problems.isEmpty, "\(problems)", sourceLocation: sourceLocation)
}

/// The x of every dotted event-marker line the figure strokes.
func eventLineXs(_ figure: Figure) -> [Double] {
    let canvas = RecordingCanvas(size: figure.size)
    FigureRenderer.draw(figure, on: canvas)
    return canvas.operations.compactMap { op -> Double? in
        guard case .stroke(let path, let style) = op, style.color == figure.theme.event.withAlpha(0.85),
              case .move(let start)? = path.elements.first else { return nil }
        return start.x
    }
}

/// Every text the figure draws.
func drawnStrings(_ figure: Figure) -> [String] {
    let canvas = RecordingCanvas(size: figure.size)
    FigureRenderer.draw(figure, on: canvas)
    return canvas.strings
}

extension ChartOutcome {
    var figure: Figure? { if case .drawn(let f, _) = self { return f } else { return nil } }
    var skipReason: String? { if case .skipped(let r) = self { return r } else { return nil } }
    var isNotApplicable: Bool { if case .notApplicable = self { return true } else { return false } }
}
