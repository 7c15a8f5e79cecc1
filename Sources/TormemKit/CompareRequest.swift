import TormemCore

/// `tormem-charts compare DIR… --output DIR`: what was asked, in the terms of its options. What is
/// not given comes from the comparison folder's `tormem.json` when it has one.
public struct CompareRequest: Sendable {
    /// The report (or experiment) folders, as given; empty: those of the output's `tormem.json`.
    public var folders: [String]
    /// The comparison folder.
    public var output: String
    /// `--match`: none given means the stored ones (or none).
    public var matches: [CompareSettings.Match]
    /// `--control FOLDER:GROUP`: none given means the stored ones (or none).
    public var controls: [CompareSettings.GroupRef]
    /// How the charts look (`CompareSettings.chartKeys` only), on top of the stored options.
    public var chart: ChartSettings
    /// `--json FILE`: every number of the comparison as JSON.
    public var jsonPath: String?

    public init(folders: [String], output: String, matches: [CompareSettings.Match] = [], controls: [CompareSettings.GroupRef] = [],
                chart: ChartSettings = ChartSettings(), jsonPath: String? = nil) {
        self.folders = folders; self.output = output; self.matches = matches; self.controls = controls
        self.chart = chart; self.jsonPath = jsonPath
    }
}
