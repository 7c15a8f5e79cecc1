import TormemCore
import TormemData
import TormemPlot

/// Wording shared by the chart builders.
enum ChartText {
    /// A value label with the precision of `NumberFormat.gb` (`5.14 GB`, `33.8 GB`), in MB below 1 GB.
    static func gb(_ m: Memory) -> String { megabytes(m.gb) ?? NumberFormat.gb(m) + " GB" }

    /// `410 MB` for a value below 1 GB (1 GB = 1024 MB, the MiB of the footnote), where two
    /// decimals of GB say too little (`0.01 GB`); nil from 1 GB on (or when it rounds to 1024 MB),
    /// for NaN and infinities. Axis ticks stay in GB.
    static func megabytes(_ gb: Double) -> String? {
        guard gb.isFinite else { return nil }
        let mb = (abs(gb) * 1024).rounded()
        guard mb < 1024 else { return nil }
        return (gb < 0 && mb > 0 ? "-" : "") + NumberFormat.grouped(Int(mb)) + " MB"
    }

    /// `2025-09-18` when every sample is at midnight, else `2025-09-18 14:05`.
    static func when(_ seconds: Int64, dailyOnly: Bool) -> String {
        let t = Timestamp(seconds: seconds)
        return dailyOnly ? t.date.description : t.dateTimeMinutes
    }

    static func allAtMidnight(_ times: [Int64]) -> Bool {
        times.allSatisfy { Timestamp(seconds: $0).secondOfDay == 0 }
    }

    static func relayRange(_ s: AggregateSeries) -> String? {
        let known = s.relays.filter { $0 >= 0 }
        guard let lo = known.min(), let hi = known.max() else { return nil }
        return lo == hi ? "\(lo) relay\(lo == 1 ? "" : "s")" : "\(lo)–\(hi) relays"
    }

    static func period(_ s: AggregateSeries) -> String {
        guard let a = s.times.first, let b = s.times.last else { return "" }
        let daily = allAtMidnight(s.times)
        return when(a, dailyOnly: daily) + " → " + when(b, dailyOnly: daily)
    }

    static func plural(_ n: Int, _ word: String) -> String {
        NumberFormat.grouped(n) + " " + word + (n == 1 ? "" : "s")
    }

    static func defaultTitle(_ d: AggregateDataset) -> String { d.serverNames.joined(separator: ", ") }
}
