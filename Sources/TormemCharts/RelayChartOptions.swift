import TormemPlot
import TormemCore
import TormemData

/// Thresholds and choices of the per-relay and experiment charts (the fragmentation zone is the
/// rule's: `GroupAnalysis.rule`).
public struct RelayChartOptions: Equatable, Sendable {
    /// The expected maximum RSS, drawn as a labelled reference line (GB).
    public var expectedMaxGB: Double
    /// Relays drawn as named lines in the trajectories chart.
    public var topN: Int
    /// Fixed outlier threshold (GB); nil: mean + 2σ.
    public var outlierThresholdGB: Double?

    public init(expectedMaxGB: Double = 1, topN: Int = 20, outlierThresholdGB: Double? = nil) {
        self.expectedMaxGB = expectedMaxGB; self.topN = topN
        self.outlierThresholdGB = outlierThresholdGB
    }
}

extension ChartText {
    /// A value label: `410 MB` below 1 GB, else `1.23 GB` (see `megabytes`).
    static func gbValue(_ gb: Double) -> String { megabytes(gb) ?? NumberFormat.fixed(gb, decimals: 2) + " GB" }

    /// A value of `metric` in its shown unit: `gbValue` for memory, `2.40×` for a ratio.
    static func value(_ v: Double, _ metric: Metric) -> String {
        metric.isMemory ? gbValue(v) : NumberFormat.fixed(v, decimals: 2) + "×"
    }

    /// The unit an axis names: `GB`, or `ratio`.
    static func unit(_ metric: Metric) -> String { metric.isMemory ? "GB" : "ratio" }

    /// What a chart title says it is about: `Memory` (any memory quantity), else the quantity.
    static func subject(_ metric: Metric) -> String { metric.isMemory ? "Memory" : "Fragmentation ratio" }

    static func signedPercent(_ p: Double) -> String { NumberFormat.signed(p, decimals: abs(p) >= 10 ? 0 : 1) + "%" }
}
