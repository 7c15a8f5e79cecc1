import TormemCore

/// Mean, spread and outliers of the relays' latest RSS.
public struct RelayStatistics: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var info: RelayInfo
        public var gb: Double
        public init(info: RelayInfo, gb: Double) { self.info = info; self.gb = gb }
    }

    /// Relays by latest RSS, highest first (ties by name).
    public var ranked: [Entry]
    public var mean: Double
    public var standardDeviation: Double
    /// The quantity ranked (values in its shown unit: GB for memory).
    public var metric: Metric = .rss

    public init(_ entries: [Entry]) {
        ranked = entries.filter { $0.gb.isFinite }
            .sorted { $0.gb != $1.gb ? $0.gb > $1.gb : $0.info.displayName < $1.info.displayName }
        let n = Double(ranked.count)
        mean = ranked.isEmpty ? .nan : ranked.reduce(0) { $0 + $1.gb } / n
        let m = mean
        standardDeviation = ranked.count < 2 ? 0 : (ranked.reduce(0) { $0 + ($1.gb - m) * ($1.gb - m) } / n).squareRoot()
    }

    public init(latestOf table: RelayTable) {
        let metric = table.metric
        self.init(table.latest.map { Entry(info: $0.info, gb: metric.shown($0.value)) })
        self.metric = metric
    }

    /// The outlier threshold: `fixed` GB when given, else mean + 2σ.
    public func threshold(fixed: Double? = nil) -> Double { fixed ?? mean + 2 * standardDeviation }

    /// Relays strictly above the threshold, highest first.
    public func outliers(fixed: Double? = nil) -> [Entry] {
        let t = threshold(fixed: fixed)
        return ranked.filter { $0.gb > t }
    }

    /// Histogram bins over the latest values: `edges` (count + 1, nice width) and counts.
    public func histogram(maxBins: Int = 24) -> (edges: [Double], counts: [Int]) {
        guard let hi = ranked.first?.gb, let lo = ranked.last?.gb else { return ([0, 1], [0]) }
        let n = ranked.count
        let target = Swift.max(1, Swift.min(maxBins, Int((Double(n)).squareRoot().rounded(.up)) * 2))
        let span = Swift.max(hi - lo, 0.1)
        var width = span / Double(target)
        // Nice widths: 1, 2, 2.5, 5 × 10^k GB.
        var mag = 1.0
        while mag > width { mag /= 10 }
        while mag * 10 <= width { mag *= 10 }
        for m in [1.0, 2.0, 2.5, 5.0, 10.0] where mag * m >= width { width = mag * m; break }
        let start = (lo / width).rounded(.down) * width
        // Rounding at extreme magnitudes must never ask for millions of bins (the fuzzer found it).
        let raw = ((hi - start) / width).rounded(.down)
        let bins = raw.isFinite ? Swift.max(1, Swift.min(maxBins * 2, Int(Swift.min(raw, 1e6)) + 1)) : 1
        var counts = [Int](repeating: 0, count: bins)
        for e in ranked {
            let k = ((e.gb - start) / width).rounded(.down)
            counts[k.isFinite ? Swift.max(0, Swift.min(bins - 1, Int(Swift.max(-1, Swift.min(k, 1e6))))) : 0] += 1
        }
        return ((0...bins).map { start + Double($0) * width }, counts)
    }
}
