import TormemCore
import TormemData

/// How a group's numbers are written, one definition for chart 2, the run summary, REPORT.md and
/// the draft findings alike.
public enum GroupText {
    /// `n = 15`.
    public static func n(_ g: GroupStats) -> String { "n = \(g.relays)" }

    /// `−79 %` (a true minus sign; whole percent from 10 on).
    public static func percent(_ p: Double) -> String {
        NumberFormat.signed(p, decimals: abs(p) >= 10 ? 0 : 1) + " %"
    }

    /// `vs control −79 % (−84 … −73)`, or with the reason there is no interval.
    public static func vsControl(_ c: GroupStats.Comparison) -> String {
        "vs control " + percent(c.percent) + " " + interval(c)
    }

    /// `(−84 … −73)`, or why there is none: `(no interval: control n = 1)`.
    public static func interval(_ c: GroupStats.Comparison) -> String {
        guard let lo = c.low, let hi = c.high else { return "(" + (c.whyNoInterval ?? "no interval") + ")" }
        func short(_ v: Double) -> String { NumberFormat.signed(v, decimals: abs(v) >= 10 ? 0 : 1) }
        return "(\(short(lo)) … \(short(hi)))"
    }

    /// `+0.95 GB/day` (`+0.10×/day` for a ratio).
    public static func growth(_ perDay: Double, _ metric: Metric = .rss) -> String {
        NumberFormat.signed(perDay, decimals: 2) + (metric.isMemory ? " GB/day" : "×/day")
    }

    /// `8 groups · 200 relays (60 in two groups)`: the groups, their distinct relays, and apart the
    /// relays counted in several groups (the groups' n add up to more). The subtitle of the group
    /// charts; `groups`: how many a chart draws, when not all.
    public static func groupsAndRelays(_ a: GroupAnalysis, groups: Int? = nil) -> String {
        let count = GroupRelayCount(a.table)
        return ChartText.plural(groups ?? a.groups.count, "group") + " · " + ChartText.plural(count.relays, "relay")
            + (shared(count).map { " (" + $0 + ")" } ?? "")
    }

    /// `60 in two groups`, `60 in two groups, 5 in three`; nil when no relay is in several groups.
    public static func shared(_ count: GroupRelayCount) -> String? {
        guard !count.inSeveral.isEmpty else { return nil }
        let words = [2: "two", 3: "three", 4: "four", 5: "five"]
        return count.inSeveral.sorted { $0.key < $1.key }.enumerated().map { i, e in
            NumberFormat.grouped(e.value) + " in " + (words[e.key] ?? NumberFormat.grouped(e.key)) + (i == 0 ? " groups" : "")
        }.joined(separator: ", ")
    }

    /// What each number means, in the words the charts and the report use.
    public static let definitions = [
        "n: relays in the group",
        "end: the group's mean (and median) RSS on its last day with data",
        "growth: least-squares slope of the daily means over the last half of the group's window",
        "vs control: difference of the means at the latest day both have data, with a 95 % bootstrap interval over relays (10,000 resamples)",
        "unlike the group: a relay more than 3 MAD (and at least 0.1 GB) from the group's median on its last day",
    ]
}
