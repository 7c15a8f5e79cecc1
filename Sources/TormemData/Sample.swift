import TormemCore

/// Statistics of a sample of values (GB per relay), NaN-free: one definition of each, used by the
/// charts, the summary, the report and the JSON alike.
public enum Sample {
    public static func mean(_ v: [Double]) -> Double { v.isEmpty ? .nan : v.reduce(0, +) / Double(v.count) }

    /// The sample standard deviation (n − 1); NaN for fewer than two values.
    public static func standardDeviation(_ v: [Double]) -> Double {
        guard v.count >= 2 else { return .nan }
        let m = mean(v)
        return (v.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(v.count - 1)).squareRoot()
    }

    /// Linear-interpolated quantile `p` (0…1).
    public static func quantile(_ v: [Double], _ p: Double) -> Double {
        v.isEmpty ? .nan : PercentileBand.percentile(v.sorted(), p)
    }

    /// The median absolute deviation from the median.
    public static func medianAbsoluteDeviation(_ v: [Double]) -> Double {
        let m = quantile(v, 0.5)
        return quantile(v.map { abs($0 - m) }, 0.5)
    }

    /// Least-squares slope of y over x; nil for fewer than two distinct x.
    public static func slope(x: [Double], y: [Double]) -> Double? {
        guard x.count == y.count, Set(x).count >= 2 else { return nil }
        let mx = mean(x), my = mean(y)
        var num = 0.0, den = 0.0
        for (a, b) in zip(x, y) { num += (a - mx) * (b - my); den += (a - mx) * (a - mx) }
        return den > 0 ? num / den : nil
    }

    /// The difference of means of `values` against `control`, in percent of the control's mean, with
    /// a 95 % percentile bootstrap interval over relays (each side resampled with replacement,
    /// `resamples` times, from a generator seeded by `seed`). No interval when either side has one value.
    public static func percentDifference(_ values: [Double], against control: [Double], resamples: Int = 10_000,
                                         seed: UInt64) -> (percent: Double, low: Double?, high: Double?) {
        let mc = mean(control)
        let percent = mc > 0 ? (mean(values) - mc) / mc * 100 : .nan
        guard values.count >= 2, control.count >= 2, mc > 0, resamples > 0 else { return (percent, nil, nil) }
        var rng = SplitMix64(seed: seed)
        var diffs: [Double] = []
        diffs.reserveCapacity(resamples)
        for _ in 0..<resamples {
            var a = 0.0, c = 0.0
            for _ in 0..<values.count { a += values[Int(rng.next() % UInt64(values.count))] }
            for _ in 0..<control.count { c += control[Int(rng.next() % UInt64(control.count))] }
            a /= Double(values.count); c /= Double(control.count)
            if c > 0 { diffs.append((a - c) / c * 100) }
        }
        diffs.sort()
        guard !diffs.isEmpty else { return (percent, nil, nil) }
        return (percent, PercentileBand.percentile(diffs, 0.025), PercentileBand.percentile(diffs, 0.975))
    }

    /// The 95 % percentile bootstrap interval of the mean of `values` (each resample drawn with
    /// replacement, `resamples` times, from a generator seeded by `seed`); nil for fewer than two values.
    public static func meanInterval(_ values: [Double], resamples: Int = 10_000, seed: UInt64) -> (low: Double?, high: Double?) {
        guard values.count >= 2, resamples > 0 else { return (nil, nil) }
        var rng = SplitMix64(seed: seed)
        var means: [Double] = []
        means.reserveCapacity(resamples)
        for _ in 0..<resamples {
            var s = 0.0
            for _ in 0..<values.count { s += values[Int(rng.next() % UInt64(values.count))] }
            means.append(s / Double(values.count))
        }
        means.sort()
        return (PercentileBand.percentile(means, 0.025), PercentileBand.percentile(means, 0.975))
    }
}
