/// Where a time series has a hole: a step longer than `factor` × its median sampling interval.
/// Drawing puts a missing point (NaN) in each hole, so lines and bands break there instead of
/// bridging the hole with a straight line that was never measured.
struct GapBreaks {
    /// Indices i such that a break goes between sample i and sample i + 1.
    let after: [Int]
    let times: [Double]

    init(times: [Int64], factor: Double = 3) {
        self.times = times.map(Double.init)
        guard times.count >= 3 else { after = []; return }
        var steps = zip(times.dropFirst(), times).map { $0 - $1 }.filter { $0 > 0 }
        steps.sort()
        guard !steps.isEmpty else { after = []; return }
        let n = steps.count
        let median = n % 2 == 1 ? Double(steps[n / 2]) : Double(steps[n / 2 - 1] + steps[n / 2]) / 2
        let limit = median * factor
        after = times.indices.dropLast().filter { Double(times[$0 + 1] - times[$0]) > limit }
    }

    /// The xs with one point in the middle of every hole.
    var xs: [Double] { insert({ (times[$0] + times[$0 + 1]) / 2 }, into: times) }

    /// `ys` (one per sample) with NaN in every hole.
    func ys(_ ys: [Double]) -> [Double] { insert({ _ in .nan }, into: ys) }

    func insert(_ value: (Int) -> Double, into values: [Double]) -> [Double] {
        guard !after.isEmpty else { return values }
        var out: [Double] = []
        out.reserveCapacity(values.count + after.count)
        var next = 0
        for (i, v) in values.enumerated() {
            out.append(v)
            if next < after.count, after[next] == i {
                out.append(value(i))
                next += 1
            }
        }
        return out
    }
}
