import Testing
import TormemCore
@testable import TormemData

/// Every number of a group checked against an independent computation written here, on fixtures
/// built for it: a fleet that fragments inside day 0, a group of one, a group joining late, a
/// sawtooth restart group, an 80-relay group.
@Suite struct GroupVerdictTests {
    // Independent statistics (not the library's).
    static func mean(_ v: [Double]) -> Double { v.reduce(0, +) / Double(v.count) }
    static func quantile(_ v: [Double], _ p: Double) -> Double {
        let s = v.sorted(), pos = Double(s.count - 1) * p, lo = Int(pos.rounded(.down)), hi = Int(pos.rounded(.up))
        return s[lo] + (s[hi] - s[lo]) * (pos - Double(lo))
    }
    static func sd(_ v: [Double]) -> Double {
        let m = mean(v)
        return (v.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(v.count - 1)).squareRoot()
    }
    static func slope(_ pts: [(Double, Double)]) -> Double {
        let n = Double(pts.count)
        let sx = pts.map(\.0).reduce(0, +), sy = pts.map(\.1).reduce(0, +)
        let sxy = pts.map { $0.0 * $0.1 }.reduce(0, +), sxx = pts.map { $0.0 * $0.0 }.reduce(0, +)
        return (n * sxy - sx * sy) / (n * sxx - sx * sx)
    }

    /// Relays of `group` with values per day from `value(relay, day)`.
    static func rows(_ group: String, _ count: Int, days: Int, _ value: (Int, Int) -> Double) -> [(RelayInfo, [Double])] {
        (0..<count).map { r in (RelayInfo(nickname: "\(group.lowercased())\(r)", group: group), (0..<days).map { value(r, $0) }) }
    }

    static func table(_ rows: [(RelayInfo, [Double])], days: Int) -> DailyTable {
        DailyTable(days: Array(0..<days), relays: rows.map(\.0), values: rows.map(\.1))
    }

    /// A freshly rebooted fleet: the control is at 4–6 GB from day 1 on (never "grows 2×"); an
    /// 80-relay mimalloc group stays low with relay-to-relay spread and one relay unlike the others;
    /// a group of one; a sawtooth group restarted every third day.
    static func experiment() -> DailyTable {
        var rows = Self.rows("C", 10, days: 10) { r, d in d == 0 ? 0.6 : 4.6 + Double(r) * 0.12 + Double(d) * 0.02 }
        rows += Self.rows("M", 80, days: 10) { r, d in
            r == 79 ? 3.9 : 0.55 + Double(r % 9) * 0.05 + Double(d) * 0.01
        }
        rows += Self.rows("S", 1, days: 10) { _, d in d < 5 ? 2.0 : 2.0 + Double(d - 4) * 0.3 }
        rows += Self.rows("W", 5, days: 10) { r, d in 0.5 + Double((d + 1) % 3) * 1.1 + Double(r) * 0.01 }
        return table(rows, days: 10)
    }

    @Test func everyNumberOfAGroup() throws {
        let t = Self.experiment()
        let a = GroupAnalysis(t, labels: GroupLabels(["C": "glibc control"]))
        #expect(a.control == "C")
        for g in a.groups {
            let members = t.relays.indices.filter { t.relays[$0].group == g.group }
            let ends = members.map { t.values[$0][9] }
            #expect(g.relays == members.count)
            #expect(abs(g.endMean - Self.mean(ends)) < 1e-12, "\(g.group) end mean")
            #expect(abs(g.startMean - Self.mean(members.map { t.values[$0][0] })) < 1e-12)
            #expect(abs(g.endMedian - Self.quantile(ends, 0.5)) < 1e-12, "\(g.group) median")
            #expect(abs(g.iqr - (Self.quantile(ends, 0.75) - Self.quantile(ends, 0.25))) < 1e-12)
            if ends.count > 1 { #expect(abs(g.endSD - Self.sd(ends)) < 1e-12) } else { #expect(g.endSD.isNaN) }
            // Growth: the daily means of days 4.5…9 (the last half of 0…9).
            let pts = (5...9).map { d in (Double(d), Self.mean(members.map { t.values[$0][d] })) }
            #expect(abs((g.growthPerDay ?? .nan) - Self.slope(pts)) < 1e-9, "\(g.group) growth")
        }
        // Statuses under the new rule.
        #expect(a.stats("C")?.status == .fragmented)     // in the zone, although it never grew 2× after day 1
        #expect(a.stats("M")?.status == .stable)
        #expect(a.stats("S")?.status == .growing)        // +0.3 GB/day to 3.5 GB: below the zone, not 2× its minimum after day 1
        #expect(a.stats("M")?.unlike == ["m79"])         // 3.9 GB where the others are below 1 GB
        #expect(a.stats("C")?.unlike == [])
    }

    @Test func againstTheControlWithAnInterval() throws {
        let t = Self.experiment()
        let a = GroupAnalysis(t, labels: GroupLabels(["C": "glibc control"]))
        let m = try #require(a.stats("M")?.vsControl)
        let mEnds = (10..<90).map { t.values[$0][9] }, cEnds = (0..<10).map { t.values[$0][9] }
        let point = (Self.mean(mEnds) - Self.mean(cEnds)) / Self.mean(cEnds) * 100
        #expect(m.atDay == 9)
        #expect(abs(m.percent - point) < 1e-9)
        let lo = try #require(m.low), hi = try #require(m.high)
        #expect(lo < point && point < hi)
        // The interval is about the normal approximation's (a delta-method SE of the ratio).
        let ratio = Self.mean(mEnds) / Self.mean(cEnds)
        let se = ratio * ((Self.sd(mEnds) / Self.mean(mEnds)) * (Self.sd(mEnds) / Self.mean(mEnds)) / Double(mEnds.count)
                          + (Self.sd(cEnds) / Self.mean(cEnds)) * (Self.sd(cEnds) / Self.mean(cEnds)) / Double(cEnds.count)).squareRoot() * 100
        #expect(abs((hi - lo) - 2 * 1.96 * se) < 0.5 * 2 * 1.96 * se)
        // Deterministic: the same interval every time.
        #expect(GroupAnalysis(t, labels: GroupLabels(["C": "glibc control"])).stats("M")?.vsControl == m)
        // A group of one: the difference, no interval, and why.
        let s = try #require(a.stats("S")?.vsControl)
        #expect(s.low == nil && s.high == nil)
        #expect(s.whyNoInterval == "no interval: n = 1")
    }

    @Test func aGroupJoiningLateIsAlignedToItsOwnStart() throws {
        var relays: [RelaySeries] = []
        let day: Int64 = 86_400, t0: Int64 = 1_767_225_600   // 2026-01-01
        for r in 0..<3 {
            var c = RelaySeries(info: RelayInfo(nickname: "c\(r)", group: "C", server: "h"))
            var d = RelaySeries(info: RelayInfo(nickname: "d\(r)", group: "D", server: "h"))
            for k in 0..<8 {
                c.append(time: t0 + Int64(k) * day, value: Double(1 + k) * 1_048_576)
                if k >= 4 { d.append(time: t0 + Int64(k) * day, value: Double(k - 3) * 0.5 * 1_048_576) }
            }
            relays += [c, d]
        }
        let t = DailyTable.aligned(RelayTable(relays: relays), starts: ["D": t0 + 4 * day])
        #expect(t.days == Array(0..<8))
        #expect(t.groupStarts == ["C": t0, "D": t0 + 4 * day])
        let a = GroupAnalysis(t)
        #expect(a.stats("D")?.startDay == 0 && a.stats("D")?.startMean == 0.5)   // day 0 of D is 2026-01-05
        #expect(a.stats("D")?.endDay == 3 && a.stats("D")?.endMean == 2.0)
        #expect(a.stats("C")?.endDay == 7)
    }

    @Test func theSawtoothGroupsMinimumAfterRestartsMakesItFragmented() throws {
        // Restarted every third day back to 0.5 GB: its last value (1.6 GB) is above 2× that minimum.
        let t = Self.experiment()
        let w = try #require(GroupAnalysis(t).stats("W"))
        #expect(abs(w.postChangeMinimum - Self.mean((0..<5).map { 0.5 + Double($0) * 0.01 })) < 1e-12)
        #expect(w.status == .fragmented)
    }

    /// Two groups restarted on day 3 back to 0.5 GB: `R` warms up to 1.2 GB (1.7× its minimum after
    /// the restart's first day), `F` to 2.8 GB (over 2×).
    static func restarted() -> (DailyTable, [ExperimentEvent]) {
        let day: Int64 = 86_400, t0: Int64 = 1_767_225_600   // 2026-01-01
        let curve: [String: [Double]] = ["R": [0.5, 0.7, 1.2, 0.5, 0.7, 1.2, 1.2, 1.2], "F": [0.5, 1.1, 2.8, 0.5, 1.1, 2.8, 2.8, 2.8]]
        var relays: [RelaySeries] = []
        for (g, values) in curve.sorted(by: { $0.key < $1.key }) {
            for r in 0..<2 {
                var s = RelaySeries(info: RelayInfo(nickname: "\(g)\(r)", group: g, server: "h"))
                for (k, v) in values.enumerated() { s.append(time: t0 + Int64(k) * day + 3600, value: v * 1_048_576) }
                relays.append(s)
            }
        }
        let restart = ExperimentEvent(time: Timestamp(seconds: t0 + 3 * day + 3600), type: "restart", description: "fleet restart", group: "all")
        return (DailyTable.aligned(RelayTable(relays: relays), starts: [:]), [restart])
    }

    @Test func aRestartStartsTheWindowOfTheTwoTimesRuleAgain() throws {
        let (t, events) = Self.restarted()
        // Without the timeline the restart's 0.5 GB is the minimum: both look fragmented.
        let blind = GroupAnalysis(t)
        #expect(abs(blind.stats("R")!.postChangeMinimum - 0.5) < 1e-9 && blind.stats("R")?.status == .fragmented)
        // With it the minimum is taken after the restart's first day, as after the start.
        let a = GroupAnalysis(t, events: events)
        let r = try #require(a.stats("R")), f = try #require(a.stats("F"))
        #expect(abs(r.postChangeMinimum - 0.7) < 1e-9 && r.status == .stable)
        #expect(abs(f.postChangeMinimum - 1.1) < 1e-9 && f.status == .fragmented)
        // A restart of another group, or another kind of event, changes nothing.
        for other in [ExperimentEvent(time: events[0].time, type: "restart", description: "", group: "F"),
                      ExperimentEvent(time: events[0].time, type: "config_change", description: "", group: "all")] {
            #expect(GroupAnalysis(t, events: [other]).stats("R")?.status == .fragmented)
        }
        #expect(GroupAnalysis(t, events: [ExperimentEvent(time: events[0].time, type: "restart", description: "", group: "R")])
                    .stats("R")?.status == .stable)
    }
}
