import TormemCore

/// RSS per relay per day since the configuration change (GB): the experiment format as it is, or
/// per-relay samples averaged per day since the first sample. NaN is a missing value (never zero).
public struct DailyTable: Equatable, Sendable {
    /// Day numbers (the K of `dayK`), ascending; not necessarily contiguous.
    public var days: [Int]
    public var relays: [RelayInfo]
    /// `values[relay][dayIndex]` in GB.
    public var values: [[Double]]
    /// The calendar date of day 0, when known (unified data).
    public var firstDate: CivilDate?

    public init(days: [Int], relays: [RelayInfo], values: [[Double]], firstDate: CivilDate? = nil) {
        self.days = days; self.relays = relays; self.values = values; self.firstDate = firstDate
    }

    public var isEmpty: Bool { relays.isEmpty || days.isEmpty }

    /// Groups present, sorted (relays without a group are in group "").
    public var groups: [String] { Array(Set(relays.map(\.group))).sorted() }

    /// The last known value of relay `r` (its final RSS), with its day index.
    public func final(_ r: Int) -> (day: Int, gb: Double)? {
        for d in days.indices.reversed() where !values[r][d].isNaN { return (d, values[r][d]) }
        return nil
    }

    /// Daily means of per-relay samples: day K holds the samples in [t0 + K·86400, t0 + (K+1)·86400)
    /// where t0 is the first sample of the whole table.
    public static func from(_ table: RelayTable) -> DailyTable {
        guard let t0 = table.start else { return DailyTable(days: [], relays: [], values: []) }
        // Only days that have samples get a column (a file spanning centuries stays small).
        var present = Set<Int>()
        for r in table.relays {
            var last = Int.min
            for t in r.times {
                let d = Int((t - t0) / 86_400)
                if d != last { present.insert(d); last = d }
            }
        }
        let days = present.sorted()
        var column: [Int: Int] = [:]
        for (i, d) in days.enumerated() { column[d] = i }
        let values = table.relays.map { r -> [Double] in
            var sums = [Double](repeating: 0, count: days.count), counts = [Int](repeating: 0, count: days.count)
            var lastDay = Int.min, lastColumn = 0
            for (t, v) in zip(r.times, r.rssKB) {
                let d = Int((t - t0) / 86_400)
                if d != lastDay { lastDay = d; lastColumn = column[d]! }
                sums[lastColumn] += v; counts[lastColumn] += 1
            }
            return days.indices.map { counts[$0] > 0 ? sums[$0] / Double(counts[$0]) / Memory.kibPerGB : .nan }
        }
        return DailyTable(days: days, relays: table.relays.map(\.info), values: values,
                          firstDate: Timestamp(seconds: t0).date)
    }
}
