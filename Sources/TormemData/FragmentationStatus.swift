import TormemCore

/// A group's verdict (SPEC §2): FRAGMENTED when its end mean is in the fragmentation zone or it grew
/// to more than `factor` × its minimum after the first day since its start or last restart; GROWING when not fragmented but growing
/// at least `growthThreshold` GB/day over the last half of its window; STABLE otherwise.
public enum FragmentationStatus: String, Equatable, Sendable {
    case stable = "STABLE"
    case growing = "GROWING"
    case fragmented = "FRAGMENTED"

    public static let defaultFactor = 2.0

    /// The thresholds of the rule (options `--fragmentation-zone`, `--fragmentation-factor`,
    /// `--growth-threshold`).
    public struct Rule: Equatable, Sendable {
        public var zoneGB: Double
        public var factor: Double
        public var growthThreshold: Double

        public init(zoneGB: Double = 4, factor: Double = FragmentationStatus.defaultFactor, growthThreshold: Double = 0.25) {
            self.zoneGB = zoneGB; self.factor = factor; self.growthThreshold = growthThreshold
        }

        /// The quantity the rule is about: memory (GB) unless `applying(to:)` said otherwise.
        public private(set) var metric: Metric = .rss

        /// The rule for groups of `metric`: the zone and the factor apply to memory only; a ratio
        /// is GROWING or STABLE by its slope alone.
        public func applying(to metric: Metric) -> Rule {
            var r = self
            r.metric = metric
            if !metric.isMemory { r.zoneGB = .infinity; r.factor = .infinity }
            return r
        }

        /// The rule in one line, as the charts and the report print it.
        public var text: String {
            guard metric.isMemory else {
                return "GROWING: grows ≥ \(NumberFormat.short(growthThreshold))×/day over the last half of its window; else STABLE (the fragmentation zone and factor apply to memory only)"
            }
            return "FRAGMENTED: ends at ≥ \(NumberFormat.short(zoneGB)) GB or above \(NumberFormat.short(factor))× its minimum after the first day since its start or last restart; "
                + "GROWING: grows ≥ \(NumberFormat.short(growthThreshold)) GB/day over the last half of its window; else STABLE"
        }
    }

    /// `endMean` and `postStartMinimum` in GB, `growth` in GB/day (nil when too few days).
    public static func classify(endMean: Double, postStartMinimum: Double, growth: Double?, rule: Rule) -> FragmentationStatus {
        guard endMean.isFinite else { return .stable }
        if endMean >= rule.zoneGB { return .fragmented }
        if postStartMinimum.isFinite, postStartMinimum > 0, endMean > rule.factor * postStartMinimum { return .fragmented }
        if let growth, growth >= rule.growthThreshold { return .growing }
        return .stable
    }
}
