/// Percentiles across relays at every sample time: the band that keeps hundreds of relays readable.
public struct PercentileBand: Equatable, Sendable {
    public var times: [Int64]
    public var p10: [Double]
    public var median: [Double]
    public var p90: [Double]

    /// Linear-interpolated percentile `p` (0...1) of sorted values.
    public static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let pos = p * Double(sorted.count - 1)
        let lo = Int(pos.rounded(.down)), hi = Swift.min(lo + 1, sorted.count - 1)
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - Double(lo))
    }

    /// For each distinct time, the p10 / median / p90 of the relays sampled at that time (KiB).
    public init(_ table: RelayTable) {
        let times = table.times
        var index: [Int64: Int] = [:]
        index.reserveCapacity(times.count)
        for (i, t) in times.enumerated() { index[t] = i }
        var columns = [[Double]](repeating: [], count: times.count)
        for r in table.relays {
            for (t, v) in zip(r.times, r.rssKB) { columns[index[t]!].append(v) }
        }
        self.times = times
        var a: [Double] = [], b: [Double] = [], c: [Double] = []
        a.reserveCapacity(times.count); b.reserveCapacity(times.count); c.reserveCapacity(times.count)
        for var col in columns {
            col.sort()
            a.append(PercentileBand.percentile(col, 0.1))
            b.append(PercentileBand.percentile(col, 0.5))
            c.append(PercentileBand.percentile(col, 0.9))
        }
        p10 = a; median = b; p90 = c
    }
}
