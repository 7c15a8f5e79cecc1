import TormemCore
import TormemData

/// Everything the charts and reports are drawn from, assembled from the loaded files and side files:
/// the aggregate series, per-relay series (one relay, one identity), the daily per-group table and
/// its analysis, a snapshot, and what was found on the way (warnings, renamed hosts).
public struct ChartInputs: Sendable {
    public var files: [LoadedFile]
    public var side: SideFiles
    public var aggregate: AggregateDataset?
    public var relays: RelayTable
    public var labels: GroupLabels
    public var daily: DailyTable?
    public var groups: GroupAnalysis?
    public var snapshot: SnapshotTable?
    /// Hosts that collected under two names (one server now).
    public var renames: [ServerRename]
    /// Findings about the input as a whole (identity, group files), to print with the load warnings.
    public var warnings: [Diagnostic]

    /// What to make of the input besides the files: labels, the status factor, control and compared
    /// groups, the chart title, `--server-alias` and whether renamed hosts are detected.
    public struct Options: Sendable {
        public var groupLabels: [String: String] = [:]
        public var factor: Double = FragmentationStatus.defaultFactor
        public var control: String?
        public var compared: String?
        public var title: String?
        public var serverAliases: [String: String] = [:]
        public var detectRenames = true

        public init() {}
    }

    public init(files: [LoadedFile], side: SideFiles, options: Options = Options()) {
        var files = files
        let monitors = files.filter { $0.format == .monitor }.count
        for i in files.indices where files[i].format == .monitor {
            let name = MonitorServerName.resolve(path: files[i].path, title: monitors == 1 ? options.title : nil,
                                                 experiment: side.experiment)
            files[i].renameServers(to: monitors == 1 ? name : serverName(fromPath: files[i].path))
        }
        self.files = files
        self.side = side
        let source = files.map(\.path).joined(separator: ", ")
        let identity = RelayIdentity(relays: files.map(\.relays), servers: files.flatMap(\.servers),
                                     aliases: options.serverAliases, detectRenames: options.detectRenames, source: source)
        aggregate = identity.servers.isEmpty ? nil : AggregateDataset(servers: identity.servers)
        renames = identity.renames
        relays = identity.relays
        var warnings = identity.warnings

        let comments = files.first { !$0.metadata.groupLabels.isEmpty }?.metadata
        labels = GroupLabels(overrides: options.groupLabels, experiment: side.experiment, comments: comments,
                             relayConfig: side.relayConfig, groupFiles: side.groupFiles)

        if let d = files.compactMap(\.daily).first(where: { !$0.isEmpty }) {
            daily = d
        } else {
            let membership = GroupMembership(relays, side: side, source: source)
            warnings += membership.warnings
            daily = membership.grouped.isEmpty ? nil : DailyTable.from(membership.grouped)
        }
        self.warnings = warnings
        let labels = self.labels
        groups = daily.map { GroupAnalysis($0, labels: labels, factor: options.factor, control: options.control,
                                           compared: options.compared) }
        snapshot = files.compactMap(\.snapshot).first
    }
}
