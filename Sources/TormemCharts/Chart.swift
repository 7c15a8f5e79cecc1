import TormemPlot

/// One chart tormem can draw. Each chart is one file: a type conforming to this protocol, listed
/// once in `ChartRegistry.all`, which the draw plan, `draw --help`, the report's chart section and
/// the tests all read.
public protocol Chart: Sendable {
    /// The file name without extension: `chart1_memory_over_time`, or `<prefix>_usage` for the
    /// charts named after the `--prefix` option.
    func fileStem(prefix: String) -> String
    /// What the chart shows, in one line (`draw --help`).
    var summary: String { get }
    /// The figure, or why the data does not support this chart.
    func make(_ context: ChartContext) -> ChartOutcome
}

/// What a chart made of the data.
public enum ChartOutcome: Sendable {
    /// The figure, and what it shows for this data (the report's alt text).
    case drawn(Figure, description: String)
    /// The data does not support the chart; the reason is printed and written into reports.
    case skipped(reason: String)
    /// The chart is not made for this kind of data and is not mentioned at all.
    case notApplicable
}
