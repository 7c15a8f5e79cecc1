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
        guard let t0 = table.start, let t1 = table.end else { return DailyTable(days: [], relays: [], values: []) }
        let dayCount = Int((t1 - t0) / 86_400) + 1
        var present = [Bool](repeating: false, count: dayCount)
        var sums: [[Double]] = []
        var counts: [[Int]] = []
        for r in table.relays {
            var s = [Double](repeating: 0, count: dayCount), c = [Int](repeating: 0, count: dayCount)
            for (t, v) in zip(r.times, r.rssKB) {
                let d = Int((t - t0) / 86_400)
                s[d] += v; c[d] += 1; present[d] = true
            }
            sums.append(s); counts.append(c)
        }
        let days = present.indices.filter { present[$0] }
        let values = sums.indices.map { r in
            days.map { d in counts[r][d] > 0 ? sums[r][d] / Double(counts[r][d]) / kibPerGB : .nan }
        }
        return DailyTable(days: days, relays: table.relays.map(\.info), values: values,
                          firstDate: Timestamp(seconds: t0).date)
    }
}
