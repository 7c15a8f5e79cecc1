import TormemCore

/// One experiment of a comparison across report folders: a folder's group analysis (each group
/// against the folder's own control), its labels and caveats, and the names it is shown by.
public struct ComparedExperiment: Sendable {
    /// How charts and sentences name it: its server when that tells the folders apart, else its
    /// folder's name (`co`, `relayhost`, `2025-12-25-relayhost-allocator-comparison`).
    public var name: String
    /// The report folder's name (`2025-12-25-relayhost-allocator-comparison`).
    public var folder: String
    public var analysis: GroupAnalysis
    public var labels: GroupLabels
    public var caveats: Caveats

    public init(name: String, folder: String, analysis: GroupAnalysis, labels: GroupLabels, caveats: Caveats = Caveats()) {
        self.name = name; self.folder = folder; self.analysis = analysis; self.labels = labels; self.caveats = caveats
    }

    /// The label a person gave `group` (experiment.json, group files, relay_config.csv, comments,
    /// `--group-label`), nil when only its ID names it: an ID is never matched across folders.
    public func givenLabel(_ group: String) -> String? {
        guard let l = labels.labels[group], !l.isEmpty else { return nil }
        return l
    }
}
