import Testing
import TormemCore
import TormemData
import TormemTestSupport
@testable import TormemChart

/// Every per-relay and group chart on a recording canvas: no text overlaps, none leaves the canvas.
@Suite struct RelayChartLayoutTests {
    static func load(_ relative: String) throws -> LoadedFile { try DataLoader.load(path: Fixtures.url(relative)) }

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
                s.times.append(1_760_000_000 + Int64(i) * 3600)
                s.rssKB.append((0.5 + Double(r % 4) * 1.2 * cycle + noise * 0.2) * 1_048_576)
            }
            relays.append(s)
        }
        return RelayTable(relays: relays)
    }

    func check(_ figure: Figure) {
        let problems = layoutProblems(figure)
        #expect(problems.isEmpty, "\(problems)")
    }

    func strings(_ figure: Figure) -> [String] {
        let canvas = RecordingCanvas(size: figure.size)
        FigureRenderer.draw(figure, on: canvas)
        return canvas.strings
    }

    @Test(arguments: [ChartStyle(), ChartStyle(theme: .light, width: 900, height: 600)])
    func groupChartsOnRealAndSyntheticData(style: ChartStyle) throws {
        for (a, labels) in [try Self.realAnalysis(), try Self.experimentAnalysis()] {
            check(GroupMeansChart.make(a, labels: labels, options: RelayChartOptions(), style: style))
            check(FinalComparisonChart.make(a, labels: labels, style: style))
            let n = try #require(FragmentationTimelineChart.annotations(a))
            check(FragmentationTimelineChart.make(a, n, labels: labels, style: style))
        }
    }

    @Test func finalComparisonPrintsComputedNumbers() throws {
        let (a, labels) = try Self.realAnalysis()
        let text = strings(FinalComparisonChart.make(a, labels: labels, style: ChartStyle()))
        for g in a.groups {
            #expect(text.contains(NumberFormat.fixed(g.endMean, decimals: 2) + " GB"), "final mean of \(g.group)")
            #expect(text.contains { $0.contains(g.status.rawValue) })
        }
        #expect(text.contains { $0.contains("baseline " + NumberFormat.fixed(a.baseline, decimals: 2)) })
    }

    @Test func timelineAnnotationsAreComputed() throws {
        let (a, _) = try Self.experimentAnalysis()
        let n = try #require(FragmentationTimelineChart.annotations(a))
        #expect(a.table.relays[n.controlRelay].group == a.control)
        #expect(a.table.relays[n.bestRelay].group == a.best)
        #expect(n.controlRelay == a.representative(of: a.control!))
        let cv = a.table.values[n.controlRelay].dropFirst().filter { !$0.isNaN }
        #expect(n.jumpFrom == cv.min() && n.jumpTo == cv.max())
        #expect(n.plateau == a.table.final(n.bestRelay)?.gb)
    }

    @Test func perRelayChartsOnRealData() throws {
        let t = try Self.load("real-2025-09-18/measurements.csv").relays
        let stats = RelayStatistics(latestOf: t)
        check(TrajectoriesChart.make(t, options: RelayChartOptions(), style: ChartStyle()))
        check(DistributionChart.make(stats, subject: "co", subtitle: "x", style: ChartStyle()))
        #expect(OutliersChart.make(t, stats: stats, options: RelayChartOptions(), style: ChartStyle()) == nil)
        let fig = try #require(OutliersChart.make(t, stats: stats, options: RelayChartOptions(outlierThresholdGB: 4.5), style: ChartStyle()))
        check(fig)
        let names = strings(fig)
        for o in stats.outliers(fixed: 4.5) { #expect(names.contains { $0.contains(o.info.nickname) }) }
    }

    @Test func twoHundredRelaysStayReadable() {
        let t = Self.manyRelays(200, points: 2000)
        let stats = RelayStatistics(latestOf: t)
        let traj = TrajectoriesChart.make(t, options: RelayChartOptions(), style: ChartStyle())
        check(traj)
        let text = strings(traj)
        #expect(text.contains { $0.contains("p10–p90") })
        #expect(text.filter { $0.hasSuffix(" GB)") }.count == 20)      // the top 20, named with latest RSS
        check(DistributionChart.make(stats, subject: "host", subtitle: "", style: ChartStyle()))
        if let o = OutliersChart.make(t, stats: stats, options: RelayChartOptions(outlierThresholdGB: 3), style: ChartStyle()) { check(o) }
        let a = GroupAnalysis(DailyTable.from(t), control: "A")
        check(GroupMeansChart.make(a, labels: GroupLabels(), options: RelayChartOptions(), style: ChartStyle()))
    }

    @Test func snapshotCharts() throws {
        let snap = try #require(try Self.load("synthetic/snapshot_60relays.csv").snapshot)
        let fig = SnapshotRankingChart.make(snap, style: ChartStyle())
        check(fig)
        let text = strings(fig)
        #expect(text.contains { $0.contains("not running (\(snap.notRunning.count))") })
        #expect(!text.contains { $0 == snap.notRunning[0] })    // listed, not charted
        let many = SnapshotTable(relays: (0..<300).map { .init(name: "r\($0)", pid: $0, rssGB: Double($0 % 50) / 10, vmsizeGB: .nan, hwmGB: .nan, fragRatio: .nan) },
                                 notRunning: [])
        let big = SnapshotRankingChart.make(many, style: ChartStyle())
        check(big)
        #expect(strings(big).contains { $0.contains("more relays not shown") })
    }
}
