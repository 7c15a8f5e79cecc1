import TormemCore

/// How a group's trade-off beside memory is written, one definition for the summary, REPORT.md and
/// the charts: `40.0 Mbit/s (37.2 … 42.8)`, `bandwidth −25 % (−31 … −19)`, `Guard and V2Dir lost`.
public enum TradeoffText {
    /// `40.0 Mbit/s` (no decimal from 100 on); `—` when not known.
    public static func mbps(_ v: Double) -> String {
        guard v.isFinite else { return "—" }
        return NumberFormat.fixed(v, decimals: v >= 100 ? 0 : 1) + " Mbit/s"
    }

    /// `(37.2 … 42.8)` of Mbit/s; empty without an interval.
    public static func mbpsInterval(_ low: Double?, _ high: Double?) -> String {
        guard let low, let high else { return "" }
        func short(_ v: Double) -> String { NumberFormat.fixed(v, decimals: v >= 100 ? 0 : 1) }
        return "(\(short(low)) … \(short(high)))"
    }

    /// `−25 % (−31 … −19)`, the interval left out when there is none.
    public static func difference(_ d: GroupTradeoff.Difference) -> String {
        let p = GroupText.percent(d.percent)
        guard let lo = d.low, let hi = d.high else { return p }
        func short(_ v: Double) -> String { NumberFormat.signed(v, decimals: abs(v) >= 10 ? 0 : 1) }
        return p + " (\(short(lo)) … \(short(hi)))"
    }

    /// `Guard and V2Dir lost`, `Guard, HSDir and V2Dir lost`; nil when none.
    public static func lost(_ flags: [String]) -> String? {
        guard let last = flags.last else { return nil }
        return (flags.count == 1 ? last : flags.dropLast().joined(separator: ", ") + " and " + last) + " lost"
    }

    /// `12,000`; `—` when not known.
    public static func weight(_ v: Double) -> String { v.isFinite ? NumberFormat.grouped(Int(v.rounded())) : "—" }

    /// The trade-off against the control in a few words: `−94 % memory, −25 % bandwidth, Guard lost`
    /// (the parts known; `memory` is the analysed quantity's short name when it is not RSS).
    public static func short(_ stats: GroupStats?, _ t: GroupTradeoff, metric: Metric = .rss) -> String {
        var parts: [String] = []
        if let c = stats?.vsControl { parts.append(GroupText.percent(c.percent) + " " + (metric == .rss ? "memory" : metric.shortName)) }
        if let d = t.vsControl { parts.append(GroupText.percent(d.percent) + " bandwidth") }
        if let l = lost(t.flagsLost) { parts.append(l) }
        return parts.joined(separator: ", ")
    }
}
