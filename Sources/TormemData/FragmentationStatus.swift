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

        /// The rule in one line, as the charts and the report print it.
        public var text: String {
            "FRAGMENTED: ends at ≥ \(NumberFormat.short(zoneGB)) GB or above \(NumberFormat.short(factor))× its minimum after the first day since its start or last restart; "
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
