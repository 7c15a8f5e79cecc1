import TormemCore
import TormemData
import TormemPlot

/// Wording shared by the chart builders.
enum ChartText {
    static func gb(_ m: Memory) -> String { NumberFormat.gb(m) + " GB" }

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
