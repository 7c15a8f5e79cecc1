import Testing
@testable import TormemData
import TormemCore

@Suite struct GroupAnalysisTests {
    func table(_ rows: [(String, String, [Double])], days: [Int]) -> DailyTable {
        DailyTable(days: days, relays: rows.map { RelayInfo(nickname: $0.0, group: $0.1) }, values: rows.map(\.2))
    }

    @Test func statusRule() {
        let rule = FragmentationStatus.Rule()
        // In the zone at the end: fragmented, however it got there (a fleet that fragmented inside day 0).
        #expect(FragmentationStatus.classify(endMean: 5.7, postStartMinimum: 4.8, growth: 0.05, rule: rule) == .fragmented)
        // More than 2× its minimum after the first day.
        #expect(FragmentationStatus.classify(endMean: 1.11, postStartMinimum: 0.55, growth: nil, rule: rule) == .fragmented)
        #expect(FragmentationStatus.classify(endMean: 1.1, postStartMinimum: 0.55, growth: 0.1, rule: rule) == .stable)
        // Not fragmented but growing fast enough.
        #expect(FragmentationStatus.classify(endMean: 2.0, postStartMinimum: 1.5, growth: 0.3, rule: rule) == .growing)
        #expect(FragmentationStatus.classify(endMean: 2.0, postStartMinimum: 1.5, growth: 0.3,
                                             rule: FragmentationStatus.Rule(growthThreshold: 0.5)) == .stable)
        #expect(FragmentationStatus.classify(endMean: 3.5, postStartMinimum: 1.5, growth: nil,
                                             rule: FragmentationStatus.Rule(zoneGB: 3)) == .fragmented)
        #expect(FragmentationStatus.classify(endMean: .nan, postStartMinimum: .nan, growth: nil, rule: rule) == .stable)
    }

    @Test func meansControlAndCompared() throws {
        let t = table([
            ("a1", "A", [5.0, 0.4, 0.5]), ("a2", "A", [5.2, 0.6, .nan]),
            ("b1", "B", [5.4, 0.5, 4.8]), ("b2", "B", [5.0, 0.7, 5.2]), ("b3", "B", [.nan, .nan, 5.0]),
            ("c1", "C", [.nan, 0.5, 2.0]),
        ], days: [0, 1, 2])
        let labels = GroupLabels(["A": "DirCache 0", "B": "Control (default)", "C": "MaxMem"])
        let a = GroupAnalysis(t, labels: labels)
        #expect(a.baseline.isNaN)                                // no before-the-change period given
        let ga = try #require(a.stats("A"))
        #expect(ga.dailyMeans == [5.1, 0.5, 0.5])
        #expect(ga.startMean == 5.1 && ga.endMean == 0.5)
        #expect(ga.status == .stable)
        let gb = try #require(a.stats("B"))
        #expect(gb.dailyMeans[2] == 5.0)
        #expect(gb.status == .fragmented)
        let gc = try #require(a.stats("C"))
        #expect(gc.startDay == 1 && gc.startMean == 0.5)      // starts where its data starts
        #expect(gc.status == .stable)                          // 2.0 is not above 2× a minimum after its first day
        #expect(a.control == "B")
        #expect(a.compared == "A")
        #expect(a.byFinalMean.map(\.group) == ["A", "C", "B"])
        #expect(gb.vsControl == nil)
        let vs = try #require(ga.vsControl)
        #expect(vs.atDay == 2 && abs(vs.percent - (0.5 - 5.0) / 5.0 * 100) < 1e-9)
        #expect(vs.low == nil && vs.whyNoInterval == "no interval: n = 1")

        let chosen = GroupAnalysis(t, labels: labels, control: "C", compared: "B")
        #expect(chosen.control == "C" && chosen.compared == "B")
        #expect(GroupAnalysis(t).control == nil)               // letters only: no control
    }

    @Test func representativeIsTheMedianRelayByFinalValue() {
        let t = table([("x1", "B", [1, 5.0]), ("x2", "B", [1, 3.0]), ("x3", "B", [1, 4.0]), ("x4", "B", [1, .nan]),
                       ("y1", "A", [1, 2.0]), ("y2", "A", [1, 1.0])], days: [0, 1])
        let a = GroupAnalysis(t)
        // x4's final value is day 0 (1.0): sorted finals 1.0 (x4), 3.0, 4.0, 5.0 → lower median 3.0 (x2).
        #expect(a.representative(of: "B").map { t.relays[$0].nickname } == "x2")
        #expect(a.representative(of: "A").map { t.relays[$0].nickname } == "y2")
        #expect(a.representative(of: "Z") == nil)
    }

    @Test func labelsPrecedence() {
        var info = ExperimentInfo()
        info.groups = ["A": .init(name: "From JSON", config: nil)]
        var comments = CommentMetadata()
        comments.groupLabels = ["A": "From comments", "B": "B from comments"]
        let rc = RelayConfig(entries: [.init(fingerprint: "", nickname: "r1", group: "C", notes: "C notes"),
                                       .init(fingerprint: "", nickname: "r2", group: "C", notes: "C notes")])
        let l = GroupLabels(overrides: ["D": "Override"], experiment: info, comments: comments, relayConfig: rc)
        #expect(l.label("A") == "From JSON")
        #expect(l.label("B") == "B from comments")
        #expect(l.label("C") == "C notes")
        #expect(l.label("D") == "Override")
        #expect(l.label("E") == "E")
        #expect(GroupLabels(overrides: ["A": "CLI"], experiment: info, comments: nil, relayConfig: nil).label("A") == "CLI")
    }

    /// The real experiment: group means computed here straight from the CSV text must match.
    @Test func realFixtureGroupMeans() throws {
        let path = fixture("real-2025-09-18/measurements.csv")
        let f = try DataLoader.load(path: path)
        let table = DailyTable.from(f.relays)
        #expect(table.days == [0, 1, 2, 3, 4, 5, 9])
        let a = GroupAnalysis(table)

        // Independent computation: group → day → values (KiB), days since 2025-09-09.
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var sums: [String: [Int: (Double, Int)]] = [:]
        var day0: [Double] = []
        for line in text.split(separator: "\n").dropFirst() {
            let c = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard c[2] == "relay", let kb = Double(c[6]) else { continue }
            let day = Int(c[0].dropFirst(8).prefix(2))! - 9
            var e = sums[c[5], default: [:]][day, default: (0, 0)]
            e.0 += kb / 1_048_576; e.1 += 1
            sums[c[5], default: [:]][day] = e
            if day == 0 { day0.append(kb / 1_048_576) }
        }
        for g in a.groups {
            for (k, d) in table.days.enumerated() {
                if let e = sums[g.group]?[d] {
                    #expect(abs(g.dailyMeans[k] - e.0 / Double(e.1)) < 1e-9, "group \(g.group) day \(d)")
                } else {
                    #expect(g.dailyMeans[k].isNaN)
                }
            }
        }
        // Unified data without a period before the change has no baseline (day 0 is the restart ramp).
        #expect(a.baseline.isNaN)
        #expect(!day0.isEmpty)
    }

    @Test func realFixtureSideFiles() throws {
        let json = try #require(FileReader.bytes(fixture("real-2025-09-18/experiment.json")))
        let info = try ExperimentInfo.parse(json, file: "experiment.json")
        #expect(info.name == "Guard Relay Memory Fragmentation Investigation")
        #expect(info.groups["B"]?.name == "Control (default)")
        #expect(info.allocator == "glibc")
        let csv = try #require(FileReader.bytes(fixture("real-2025-09-18/relay_config.csv")))
        let rc = try RelayConfig.parse(csv, file: "relay_config.csv")
        #expect(rc.entries.count == 13)
        #expect(rc.group(of: RelayInfo(nickname: "armanicaesar")) == "B")
        #expect(throws: TormemError.self) { try ExperimentInfo.parse(Array("{not json".utf8), file: "e.json") }
    }
}
