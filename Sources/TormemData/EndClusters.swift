/// Clearly separated clusters among a group's end values (the `bimodal` caveat). The rule: sort the
/// values; a gap between two neighbours splits them when both sides hold at least
/// `minimumSize` relays (fewer far from the rest are `unlike` relays, not a cluster), the gap is
/// more than `gapFactor` × (1 + 8 / n) × the pooled standard deviation within the two sides (a
/// few values understate their spread: 8.6× for 7 relays, 4.5× for 60), and at least
/// `minimumGap` (shown units) and `relativeGap` × the median of the values being split wide. The widest such gap (against its spread) splits first; each side is split again the same
/// way. A unimodal group's widest gap is about one standard deviation, so 4× keeps noise out (tested
/// on thousands of seeded normal and log-normal groups), while leftover relays of an earlier test
/// at a fifth of the group's value are split off from three relays on.
public struct EndClusters: Equatable, Sendable {
    public struct Cluster: Equatable, Sendable {
        /// The relays of the cluster with their values, lowest first.
        public var members: [String]
        public var values: [Double]
        public var n: Int { values.count }
        public var mean: Double { Sample.mean(values) }
        public var low: Double { values.first ?? .nan }
        public var high: Double { values.last ?? .nan }
    }

    public static let gapFactor = 4.0
    public static let minimumSize = 3
    public static let minimumGap = 0.1
    public static let relativeGap = 0.15

    /// The clusters, lowest first; one cluster when the values are not clearly separated.
    public var clusters: [Cluster]

    public var isSeparated: Bool { clusters.count > 1 }

    /// `values`: (name, value) pairs in any order; NaN values are left out.
    public init(_ values: [(name: String, gb: Double)]) {
        let sorted = values.filter { !$0.gb.isNaN }.sorted { ($0.gb, $0.name) < ($1.gb, $1.name) }
        guard !sorted.isEmpty else { clusters = []; return }
        var out: [ArraySlice<(name: String, gb: Double)>] = []
        var work = [sorted[...]]
        while let part = work.popLast() {
            if let cut = EndClusters.cut(part) {
                work.append(part[cut...])
                work.append(part[..<cut])
            } else {
                out.append(part)
            }
        }
        clusters = out.sorted { ($0.first?.gb ?? 0) < ($1.first?.gb ?? 0) }
            .map { Cluster(members: $0.map(\.name), values: $0.map(\.gb)) }
    }

    /// The index where `part` splits (the first value of its upper side), or nil.
    static func cut(_ part: ArraySlice<(name: String, gb: Double)>) -> Int? {
        let v = part.map(\.gb), n = v.count, k = minimumSize
        guard n >= 2 * k else { return nil }
        let floor = max(minimumGap, relativeGap * abs(Sample.quantile(v, 0.5)))
        // Prefix sums of values and squares: the spread of each side in O(1).
        var s = [0.0], q = [0.0]
        for x in v { s.append(s.last! + x); q.append(q.last! + x * x) }
        func squares(_ a: Int, _ b: Int) -> Double {   // sum of squared deviations of v[a..<b]
            let m = Double(b - a), sum = s[b] - s[a]
            return max(0, (q[b] - q[a]) - sum * sum / m)
        }
        var best: (score: Double, at: Int)?
        for i in k...(n - k) {
            let gap = v[i] - v[i - 1]
            guard gap > floor else { continue }
            let pooled = ((squares(0, i) + squares(i, n)) / Double(max(1, n - 2))).squareRoot()
            guard gap > gapFactor * (1 + 8 / Double(n)) * pooled else { continue }
            let score = pooled > 0 ? gap / pooled : .infinity
            if best.map({ score > $0.score || (score == $0.score && gap > v[$0.at] - v[$0.at - 1]) }) ?? true { best = (score, i) }
        }
        return best.map { part.startIndex + $0.at }
    }
}
