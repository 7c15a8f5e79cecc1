import TormemPlot
import TormemCore

/// Thresholds and choices of the per-relay and experiment charts (all options of the command).
public struct RelayChartOptions: Equatable, Sendable {
    /// Lower edge of the shaded "fragmentation zone" (GB).
    public var zoneGB: Double
    /// The expected maximum RSS, drawn as a labelled reference line (GB).
    public var expectedMaxGB: Double
    /// Relays drawn as named lines in the trajectories chart.
    public var topN: Int
    /// Fixed outlier threshold (GB); nil: mean + 2σ.
    public var outlierThresholdGB: Double?

    public init(zoneGB: Double = 4, expectedMaxGB: Double = 1, topN: Int = 20, outlierThresholdGB: Double? = nil) {
        self.zoneGB = zoneGB; self.expectedMaxGB = expectedMaxGB; self.topN = topN
        self.outlierThresholdGB = outlierThresholdGB
    }
}

extension ChartText {
    /// A value label: `410 MB` below 1 GB, else `1.23 GB` (see `megabytes`).
    static func gbValue(_ gb: Double) -> String { megabytes(gb) ?? NumberFormat.fixed(gb, decimals: 2) + " GB" }

    static func signedPercent(_ p: Double) -> String { NumberFormat.signed(p, decimals: abs(p) >= 10 ? 0 : 1) + "%" }
}
