import TormemCore

extension Caveats {
    /// Windows more than this far apart (the longer over the shorter, minus one) are unequal.
    public static let unequalWindow = 0.2
    /// A group without samples for more than this many collection intervals has a gap.
    public static let gapIntervals = 3.0

    /// A group's window in days: from its first to its last day with data, both counted.
    static func windowDays(_ g: GroupStats) -> Int? {
        guard let s = g.startDay, let e = g.endDay else { return nil }
        return e - s + 1
    }

    /// `unequal_window`: each group whose window (its days with data) differs from the control's
    /// (else the longest group's) by more than 20 %. The two are compared again at equal age: day k
    /// of each group's own data, the last k both have (`equalAge`), with a 95 % bootstrap interval.
    static func unequalWindows(_ a: GroupAnalysis) -> [Caveat] {
        let known = a.groups.filter { windowDays($0) != nil }
        guard let reference = known.first(where: { $0.group == a.control })
                ?? known.max(by: { (windowDays($0)!, $1.group) < (windowDays($1)!, $0.group) }),
              let refDays = windowDays(reference) else { return [] }
        let isControl = reference.group == a.control
        return known.compactMap { g -> Caveat? in
            guard g.group != reference.group, let days = windowDays(g) else { return nil }
            let long = Double(max(days, refDays)), short = Double(min(days, refDays))
            guard short > 0, long / short - 1 > unequalWindow else { return nil }
            let who = isControl ? "the control \(reference.group)" : reference.group
            func from(_ s: GroupStats) -> String { (s.startDay ?? 0) == 0 ? "" : " from day \(s.startDay!)" }
            var text = "group \(g.group) has \(days) day\(days == 1 ? "" : "s") of data\(from(g)), \(who) \(refDays)\(from(reference))"
            var numbers: [(String, Caveat.Value)] = [("window_days", .int(days)), ("other_window_days", .int(refDays)),
                                                     ("first_day", .int(g.startDay ?? 0)), ("other_first_day", .int(reference.startDay ?? 0))]
            if let e = equalAge(g, reference, a) {
                let interval = GroupText.interval(GroupStats.Comparison(percent: e.percent, low: e.low, high: e.high, atDay: e.k, whyNoInterval: e.why))
                let against = isControl ? "the control" : reference.group
                text += ": at equal age, day \(e.k + 1) of each group's data, \(g.group) is \(GroupText.percent(e.percent)) \(interval) against \(against)"
                if let vs = g.vsControl, isControl, (g.startDay ?? 0) != (reference.startDay ?? 0) || vs.atDay != e.k + (g.startDay ?? 0) {
                    text += "; the comparison on day \(vs.atDay) since each group's start (\(GroupText.percent(vs.percent))) compares groups of different age"
                }
                numbers += [("equal_age_day", .int(e.k + 1)), ("equal_age_percent", .number(e.percent)),
                            ("equal_age_ci_low", e.low.map { .number($0) } ?? .text("")),
                            ("equal_age_ci_high", e.high.map { .number($0) } ?? .text(""))]
            }
            return Caveat(kind: .unequalWindow, groups: [g.group, reference.group], numbers: numbers, text: text)
        }
    }

    /// `g` against `reference` at day k of each one's own data (day `startDay + k` of each), the
    /// last k where both have values: the difference of means in %, with a 95 % bootstrap interval.
    static func equalAge(_ g: GroupStats, _ reference: GroupStats, _ a: GroupAnalysis)
        -> (k: Int, percent: Double, low: Double?, high: Double?, why: String?)? {
        let table = a.table
        guard let gs = g.startDay, let rs = reference.startDay, let ge = g.endDay, let re = reference.endDay else { return nil }
        let index = Dictionary(uniqueKeysWithValues: table.days.enumerated().map { ($0.element, $0.offset) })
        let gRows = table.relays.indices.filter { table.relays[$0].group == g.group }
        let rRows = table.relays.indices.filter { table.relays[$0].group == reference.group }
        func values(_ rows: [Int], _ day: Int) -> [Double] {
            guard let d = index[day] else { return [] }
            return rows.map { table.values[$0][d] }.filter { !$0.isNaN }
        }
        for k in stride(from: min(ge - gs, re - rs), through: 0, by: -1) {
            let x = values(gRows, gs + k), c = values(rRows, rs + k)
            guard !x.isEmpty, !c.isEmpty else { continue }
            let r = Sample.percentDifference(x, against: c, resamples: GroupAnalysis.resamples,
                                             seed: SplitMix64.seed(g.group + "\u{1}" + reference.group + "\u{1}age"))
            guard r.percent.isFinite else { return nil }
            let why = x.count < 2 ? "no interval: n = 1" : (c.count < 2 ? "no interval: control n = 1" : nil)
            return (k, r.percent, why == nil ? r.low : nil, why == nil ? r.high : nil, why)
        }
        return nil
    }

    /// `gaps`: a group whose samples (all its relays together) stop for more than 3 collection
    /// intervals; groups with the same gaps (a host that stopped collecting) share one caveat.
    static func gaps(_ a: GroupAnalysis, grouped: RelayTable) -> [Caveat] {
        var series: [String: [RelaySeries]] = [:]
        for r in grouped.relays where !r.info.group.isEmpty { series[r.info.group, default: []].append(r) }
        var found: [(group: String, step: Double, holes: [(Int64, Int64)])] = []
        for g in a.groups {
            let times = GapBreaks.distinctTimes(series[g.group] ?? [])
            guard let step = GapBreaks.medianStep(times), times.count >= 3 else { continue }
            let holes = zip(times, times.dropFirst()).filter { Double($1 - $0) > gapIntervals * step }.map { ($0, $1) }
            if !holes.isEmpty { found.append((g.group, step, holes)) }
        }
        var out: [Caveat] = []
        var done = Set<Int>()
        for i in found.indices where !done.contains(i) {
            let same = found.indices.filter { j in
                !done.contains(j) && found[j].step == found[i].step && found[j].holes.count == found[i].holes.count
                    && zip(found[j].holes, found[i].holes).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
            }
            done.formUnion(same)
            let f = found[i], groups = same.map { found[$0].group }
            let longest = f.holes.max { ($0.1 - $0.0, $1.0) < ($1.1 - $1.0, $0.0) }!
            let hours = Double(longest.1 - longest.0) / 3600
            let who = groups.count == 1 ? "group \(groups[0]) has" : "groups " + groups.joined(separator: ", ") + " have"
            let count = f.holes.count == 1 ? "1 gap" : "\(f.holes.count) gaps"
            let text = "\(who) no samples for \(hoursText(hours)) from \(Timestamp(seconds: longest.0).iso8601) (\(count) longer than "
                + "\(Int(gapIntervals)) collection intervals of \(hoursText(f.step / 3600))): daily means there rest on fewer samples"
            out.append(Caveat(kind: .gaps, groups: groups, numbers: [
                ("gaps", .int(f.holes.count)), ("longest_hours", .number(hours)),
                ("longest_from", .text(Timestamp(seconds: longest.0).iso8601 + "Z")),
                ("longest_to", .text(Timestamp(seconds: longest.1).iso8601 + "Z")),
                ("interval_hours", .number(f.step / 3600)),
            ], text: text))
        }
        return out
    }

    /// `14 h`, `1.5 h`, `20 min`, `3.0 days`.
    static func hoursText(_ h: Double) -> String {
        if h < 1 { return "\(Int((h * 60).rounded())) min" }
        if h >= 48 { return NumberFormat.fixed(h / 24, decimals: 1) + " days" }
        return (h == h.rounded() ? "\(Int(h))" : NumberFormat.fixed(h, decimals: 1)) + " h"
    }
}
