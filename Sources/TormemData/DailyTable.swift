import TormemCore

/// The analysed quantity (RSS unless `--metric` says otherwise) per relay per day since the
/// configuration change, in its shown unit (GB for memory): the experiment format as it is, or
/// per-relay samples averaged per day since the first sample. NaN is a missing value (never zero).
public struct DailyTable: Equatable, Sendable {
    /// Day numbers (the K of `dayK`), ascending; not necessarily contiguous.
    public var days: [Int]
    public var relays: [RelayInfo]
    /// `values[relay][dayIndex]` in GB.
    public var values: [[Double]]
    /// The calendar date of day 0, when known (unified data).
    public var firstDate: CivilDate?
    /// Each group's day 0 (seconds), when the days count from each group's own start (unified data).
    public var groupStarts: [String: Int64] = [:]
    /// The mean RSS before the change (GB), when the data has such a period (an experiment file's
    /// day-0 values, or unified samples before the earliest group start).
    public var baseline: Double?

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
        var out = aligned(table, starts: Dictionary(table.relays.map { ($0.info.group, t0) }, uniquingKeysWith: { a, _ in a }))
        out.groupStarts = [:]
        return out
    }

    /// Daily means of each group's relays, day K counting from the group's own start: the given
    /// `starts`, else the group's first sample. Groups that start on different dates are aligned.
    /// A relay's samples are walked day by day: its group's start is looked up once per relay and
    /// the day of a sample computed only when it leaves the day before (no hashing per sample).
    public static func aligned(_ table: RelayTable, starts: [String: Int64]) -> DailyTable {
        var groupStarts: [String: Int64] = [:]
        for r in table.relays {
            guard let first = r.times.first else { continue }
            groupStarts[r.info.group] = min(groupStarts[r.info.group] ?? first, first)
        }
        for (g, t) in starts where groupStarts[g] != nil { groupStarts[g] = t }
        var present = Set<Int>()
        for r in table.relays where !r.times.isEmpty {
            DailyTable.forEachDay(r.times, from: groupStarts[r.info.group]!) { d, _ in present.insert(d) }
        }
        let days = present.sorted()
        var column: [Int: Int] = [:]
        for (i, d) in days.enumerated() { column[d] = i }
        let values = table.relays.map { r -> [Double] in
            var sums = [Double](repeating: 0, count: days.count), counts = [Int](repeating: 0, count: days.count)
            if !r.times.isEmpty {
                r.values.withUnsafeBufferPointer { v in
                    DailyTable.forEachDay(r.times, from: groupStarts[r.info.group]!) { d, samples in
                        let c = column[d]!
                        for i in samples { sums[c] += v[i] }
                        counts[c] += samples.count
                    }
                }
            }
            let metric = r.metric
            return days.indices.map { counts[$0] > 0 ? metric.shown(sums[$0] / Double(counts[$0])) : .nan }
        }
        var out = DailyTable(days: days, relays: table.relays.map(\.info), values: values,
                             firstDate: groupStarts.values.min().map { Timestamp(seconds: $0).date })
        out.groupStarts = groupStarts
        return out
    }

    /// Calls `body` with each run of consecutive samples that fall on one day (day K holds
    /// [start + K·86400, start + (K+1)·86400)), in order; unsorted times give more, shorter runs.
    static func forEachDay(_ times: [Int64], from start: Int64, _ body: (Int, Range<Int>) -> Void) {
        times.withUnsafeBufferPointer { t in
            var i = 0
            while i < t.count {
                let offset = t[i] - start
                let d = floorDiv(offset, 86_400)
                // The day's bounds in seconds; at the ends of the Int64 range, a run of one sample.
                var r = offset % 86_400
                if r < 0 { r += 86_400 }
                let (lo, below) = t[i].subtractingReportingOverflow(r)
                let (hi, above) = lo.addingReportingOverflow(86_400)
                var j = i + 1
                if !below && !above {
                    while j < t.count, t[j] >= lo, t[j] < hi { j += 1 }
                }
                body(Int(d), i..<j)
                i = j
            }
        }
    }
}
