import TormemCore

/// Percentiles across relays at every sample time: the band that keeps hundreds of relays readable.
public struct PercentileBand: Equatable, Sendable {
    public var times: [Int64]
    public var p10: [Double]
    public var median: [Double]
    public var p90: [Double]

    /// Linear-interpolated percentile `p` (0...1) of sorted values.
    public static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        sorted.withUnsafeBufferPointer { percentile($0, p) }
    }

    /// For each distinct time, the p10 / median / p90 of the relays sampled at that time (KiB).
    /// Values go into one flat time-major matrix (no per-time arrays) and each column is sorted in place.
    public init(_ table: RelayTable) {
        let times = table.times
        let t = times.count, r = max(1, table.count)
        var matrix = [Double](repeating: 0, count: t * r)
        var counts = [Int](repeating: 0, count: t)
        matrix.withUnsafeMutableBufferPointer { m in
            counts.withUnsafeMutableBufferPointer { c in
                for relay in table.relays {
                    var k = 0
                    for (time, v) in zip(relay.times, relay.rssKB) {
                        while times[k] < time { k += 1 }   // relay times are a sorted subset of `times`
                        m[k * r + c[k]] = v
                        c[k] += 1
                    }
                }
            }
        }
        var a = [Double](repeating: .nan, count: t), b = a, c = a
        matrix.withUnsafeMutableBufferPointer { m in
            for k in 0..<t where counts[k] > 0 {
                var column = UnsafeMutableBufferPointer(rebasing: m[(k * r)..<(k * r + counts[k])])
                column.sort()
                let sorted = UnsafeBufferPointer(column)
                a[k] = PercentileBand.percentile(sorted, 0.1)
                b[k] = PercentileBand.percentile(sorted, 0.5)
                c[k] = PercentileBand.percentile(sorted, 0.9)
            }
        }
        self.times = times
        p10 = a; median = b; p90 = c
    }

    static func percentile(_ sorted: UnsafeBufferPointer<Double>, _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let pos = p * Double(sorted.count - 1)
        let lo = Int(pos.rounded(.down)), hi = Swift.min(lo + 1, sorted.count - 1)
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - Double(lo))
    }
}
