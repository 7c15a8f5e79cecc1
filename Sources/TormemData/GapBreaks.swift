/// Where a time series has a hole: a step longer than `factor` × its median sampling interval.
/// Drawing puts a missing point (NaN) in each hole, so lines and bands break there instead of
/// bridging the hole with a straight line that was never measured.
public struct GapBreaks: Sendable {
    /// Indices i such that a break goes between sample i and sample i + 1.
    public let after: [Int]
    public let times: [Double]

    /// `median`: the sampling interval to compare steps with (default: the median step of `times`).
    public init(times: [Int64], median: Double? = nil, factor: Double = 3) {
        self.times = times.map(Double.init)
        guard times.count >= 2, let step = median ?? GapBreaks.medianStep(times), times.count >= 3 || median != nil else {
            after = []; return
        }
        let limit = step * factor
        after = times.indices.dropLast().filter { Double(times[$0 + 1] - times[$0]) > limit }
    }

    /// The median of the positive steps between consecutive times (nil with none).
    public static func medianStep(_ times: [Int64]) -> Double? {
        let steps = zip(times.dropFirst(), times).map { $0 - $1 }.filter { $0 > 0 }.sorted()
        guard !steps.isEmpty else { return nil }
        let n = steps.count
        return n % 2 == 1 ? Double(steps[n / 2]) : Double(steps[n / 2 - 1] + steps[n / 2]) / 2
    }

    /// Per server, the median step between its collections (every relay's times together): a relay
    /// missing from collections breaks its line even when it has few samples of its own.
    public static func collectionSteps(_ table: RelayTable) -> [String: Double] {
        var servers: [String: [RelaySeries]] = [:]
        for r in table.relays { servers[r.info.server, default: []].append(r) }
        return servers.compactMapValues { medianStep(distinctTimes($0)) }
    }

    /// Every distinct time of `relays`, ascending: their sorted times merged (a relay with the
    /// same times as the union so far costs one comparison), else through a set.
    public static func distinctTimes(_ relays: [RelaySeries]) -> [Int64] {
        let increasing = relays.allSatisfy { r in
            r.times.withUnsafeBufferPointer { t in t.count < 2 || (1..<t.count).allSatisfy { t[$0 - 1] < t[$0] } }
        }
        guard increasing else { return Set(relays.flatMap(\.times)).sorted() }
        return RelayTable(relays: relays).times
    }

    /// The xs with one point in the middle of every hole.
    public var xs: [Double] { insert({ (times[$0] + times[$0 + 1]) / 2 }, into: times) }

    /// `ys` (one per sample) with NaN in every hole.
    public func ys(_ ys: [Double]) -> [Double] { insert({ _ in .nan }, into: ys) }

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
