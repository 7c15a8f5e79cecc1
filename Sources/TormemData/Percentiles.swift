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
                    for (time, v) in zip(relay.times, relay.values) {
                        while times[k] < time { k += 1 }   // relay times are a sorted subset of `times`
                        m[k * r + c[k]] = v
                        c[k] += 1
                    }
                }
            }
        }
        var a = [Double](repeating: .nan, count: t), b = a, c = a
        // Columns are sorted in parts on every core (a year of hourly samples: 8 760 sorts).
        let parts = Swift.max(1, Swift.min(8, t / 2048))
        matrix.withUnsafeMutableBufferPointer { m in
            a.withUnsafeMutableBufferPointer { a in
                b.withUnsafeMutableBufferPointer { b in
                    c.withUnsafeMutableBufferPointer { c in
                        let columns = BandColumns(matrix: m, rows: r, counts: counts, p10: a, median: b, p90: c)
                        _ = concurrentMap(parts) { part in columns.fill(part * t / parts..<(part + 1) * t / parts) }
                    }
                }
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

/// The time-major matrix of `PercentileBand` and its three outputs, shared by the parts that sort
/// columns concurrently: each part touches only its own columns.
private struct BandColumns: @unchecked Sendable {
    let matrix: UnsafeMutableBufferPointer<Double>
    let rows: Int
    let counts: [Int]
    let p10: UnsafeMutableBufferPointer<Double>
    let median: UnsafeMutableBufferPointer<Double>
    let p90: UnsafeMutableBufferPointer<Double>

    /// Sorts each column of `columns` in place and reads its percentiles.
    func fill(_ columns: Range<Int>) {
        for k in columns where counts[k] > 0 {
            var column = UnsafeMutableBufferPointer(rebasing: matrix[(k * rows)..<(k * rows + counts[k])])
            column.sort()
            let sorted = UnsafeBufferPointer(column)
            p10[k] = PercentileBand.percentile(sorted, 0.1)
            median[k] = PercentileBand.percentile(sorted, 0.5)
            p90[k] = PercentileBand.percentile(sorted, 0.9)
        }
    }
}
