import TormemData

/// Everything the charts and reports are drawn from, assembled from the loaded files and side files:
/// the aggregate series, per-relay series, the daily per-group table and its analysis, a snapshot.
public struct ChartInputs: Sendable {
    public var files: [LoadedFile]
    public var side: SideFiles
    public var aggregate: AggregateDataset?
    public var relays: RelayTable
    public var labels: GroupLabels
    public var daily: DailyTable?
    public var groups: GroupAnalysis?
    public var snapshot: SnapshotTable?

    public init(files: [LoadedFile], side: SideFiles, overrides: [String: String] = [:], factor: Double = 2,
                control: String? = nil, compared: String? = nil) {
        self.files = files
        self.side = side
        let series = files.flatMap(\.servers)
        aggregate = series.isEmpty ? nil : AggregateDataset(servers: series)

        var table = RelayTable.merge(files.map(\.relays))
        if let rc = side.relayConfig {
            for i in table.relays.indices where table.relays[i].info.group.isEmpty {
                table.relays[i].info.group = rc.group(of: table.relays[i].info) ?? ""
            }
        }
        relays = table
        let comments = files.first { !$0.metadata.groupLabels.isEmpty }?.metadata
        labels = GroupLabels(overrides: overrides, experiment: side.experiment, comments: comments, relayConfig: side.relayConfig)

        if let d = files.compactMap(\.daily).first(where: { !$0.isEmpty }) {
            daily = d
        } else if !table.groups.isEmpty {
            let grouped = RelayTable(relays: table.relays.filter { !$0.info.group.isEmpty })
            daily = DailyTable.from(grouped)
        } else {
            daily = nil
        }
        groups = daily.map { GroupAnalysis($0, labels: labels, factor: factor, control: control, compared: compared) }
        snapshot = files.compactMap(\.snapshot).first
    }
}
