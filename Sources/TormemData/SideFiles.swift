import TormemCore

/// `experiment.json`, `relay_config.csv`, `events.csv`, `diagnostics.csv` and Onionoo's
/// documents (`onionoo_details.json`, `onionoo_bandwidth.json`) found next to a data file.
public struct SideFiles: Sendable {
    public var experiment: ExperimentInfo?
    public var experimentPath: String?
    public var relayConfig: RelayConfig?
    public var relayConfigPath: String?
    /// `groups/group_<ID>_<label>.txt` (or the `relays_file` of each group in experiment.json).
    public var groupFiles: GroupFiles?
    public var events: EventLog?
    public var eventsPath: String?
    public var diagnostics: DiagnosticsLog?
    public var diagnosticsPath: String?
    /// Bandwidth, flags and weights per fingerprint from Onionoo's documents (their paths inside).
    public var onionoo: OnionooFacts?
    /// Side files that could not be used, and their unreadable rows.
    public var warnings: [Diagnostic] = []

    public init() {}

    /// The files read, in a fixed order: experiment.json, relay_config.csv, events.csv,
    /// diagnostics.csv, onionoo_details.json, onionoo_bandwidth.json, then the group files.
    public var paths: [String] {
        [experimentPath, relayConfigPath, eventsPath, diagnosticsPath, onionoo?.detailsPath, onionoo?.bandwidthPath].compactMap { $0 }
            + (groupFiles?.files.map(\.path) ?? [])
    }

    /// Reads the side files in the folder of `dataPath`; absent files are fine, malformed ones are
    /// input errors naming the file.
    public static func load(nextTo dataPath: String) throws(TormemError) -> SideFiles {
        try load(in: folder(of: dataPath))
    }

    /// The folder of `path` as side files are named from it: `data` for `data/memory.csv`, empty
    /// for a file of the current folder.
    public static func folder(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
    }

    /// Reads the side files in `dir` (empty: the current folder).
    public static func load(in dir: String) throws(TormemError) -> SideFiles {
        func path(_ name: String) -> String { dir.isEmpty ? name : dir + "/" + name }
        var side = SideFiles()
        let json = path("experiment.json")
        if let data = try SideFileReader.contents(of: json) {
            side.experiment = try ExperimentInfo.parse(data, file: json)
            side.experimentPath = json
        }
        let config = path("relay_config.csv")
        if let data = try SideFileReader.contents(of: config) {
            side.relayConfig = try RelayConfig.parse(data, file: config)
            side.relayConfigPath = config
        }
        side.groupFiles = try GroupFiles.load(folder: path("groups"), base: dir, experiment: side.experiment)
        try side.loadTimeline(events: path("events.csv"), diagnostics: path("diagnostics.csv"))
        side.onionoo = try OnionooFacts.load(in: dir, warnings: &side.warnings)
        return side
    }

    /// `events.csv` and `diagnostics.csv`: opened without blocking, unreadable rows kept as warnings.
    mutating func loadTimeline(events: String, diagnostics: String) throws(TormemError) {
        if let log = try EventLog.load(path: events, warnings: &warnings) {
            self.events = log
            eventsPath = events
            warnings += log.warnings
        }
        if let log = try DiagnosticsLog.load(path: diagnostics, warnings: &warnings) {
            self.diagnostics = log
            diagnosticsPath = diagnostics
            warnings += log.warnings
        }
    }
}
