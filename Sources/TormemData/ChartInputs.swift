import TormemCore

/// Everything the charts and reports are drawn from, assembled from what a `DataSource` read (the
/// loaded files and side files): the aggregate series, per-relay series (one relay, one identity),
/// the daily per-group table and its analysis, a snapshot, the run's facts (`RunScope`), the side
/// files' use, and what was found on the way (warnings, renamed hosts). The one place the run's
/// facts are computed: the charts, the summary, `--json`, README.md, REPORT.md and the alt text
/// read them here.
public struct ChartInputs: Sendable {
    public var files: [LoadedFile]
    public var side: SideFiles
    public var aggregate: AggregateDataset?
    public var relays: RelayTable
    /// Every relay's latest RSS, ranked: computed once for the run summary, the distribution and the
    /// outlier chart.
    public private(set) var latest: RelayStatistics
    public var labels: GroupLabels
    public var daily: DailyTable?
    public var groups: GroupAnalysis?
    /// Each group's bandwidth, weight, flags and allocators against the control, when the data has
    /// such facts (collector columns or Onionoo documents).
    public var tradeoffs: TradeoffAnalysis?
    /// Each group's restarts seen in the data, over its window (`GroupRestarts`), in the analysis's
    /// group order; empty without per-relay data in groups.
    public var restarts: [GroupRestarts] = []
    /// The events drawn and listed: events.csv's, then restarts seen in the data (`RestartEvents`).
    public var timeline: EventLog?
    /// What a careful analyst would say of the groups (shared relays, clusters, unlike relays,
    /// unequal windows, small groups, gaps, allocators, restarts).
    public var caveats = Caveats()
    /// How many relays of each group's kind the host has memory for (diagnostics.csv).
    public var headroom: HostHeadroom?
    public var snapshot: SnapshotTable?
    /// Hosts that collected under two names (one server now).
    public var renames: [ServerRename]
    /// Findings about the input as a whole (identity, group files), to print with the load warnings.
    public var warnings: [Diagnostic]
    /// Every warning of the run, in the order printed: the data files', the side files', then the
    /// input's as a whole.
    public var allWarnings: [Diagnostic] { files.flatMap(\.warnings) + side.warnings + warnings }

    /// Every side file used, with what it gave.
    public var sideFiles: [SideFileUse] = []
    /// The run's facts (servers, relays, period, collections, rows), one definition for every output.
    public private(set) var scope = RunScope()
    /// Pairs of group files listing the same relays (each pair also a warning).
    public var sharedRelays: [SharedRelays] = []
    /// The per-relay quantity the per-relay and group charts, verdicts and summaries are about.
    public private(set) var metric: Metric = .rss
    /// The time window the files were cut to (`--since`, `--until`, `--last`), when one was given.
    public var window: TimeWindow.Applied?

    /// What to make of the input besides the files: labels, the status factor, control and compared
    /// groups, the chart title, `--server-alias` and whether renamed hosts are detected.
    public struct Options: Sendable {
        public var groupLabels: [String: String] = [:]
        /// The STABLE / GROWING / FRAGMENTED thresholds.
        public var rule = FragmentationStatus.Rule()
        public var control: String?
        public var compared: String?
        public var title: String?
        public var serverAliases: [String: String] = [:]
        public var detectRenames = true
        /// The per-relay quantity analysed (`--metric`); the files were read for it.
        public var metric: Metric = .rss

        public init() {}
    }

    /// Everything `data` holds, as a source read it (cut to its time window).
    public init(_ data: SourceData, options: Options = Options()) {
        self.init(files: data.files, side: data.side, options: options)
        window = data.window
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
        metric = options.metric
        let source = files.map(\.path).joined(separator: ", ")
        let identity = RelayIdentity(relays: files.map(\.relays), servers: files.flatMap(\.servers),
                                     aliases: options.serverAliases, detectRenames: options.detectRenames, source: source)
        aggregate = identity.servers.isEmpty ? nil : AggregateDataset(servers: identity.servers)
        renames = identity.renames
        relays = identity.relays
        if let onionoo = side.onionoo {
            for i in relays.relays.indices {
                let info = relays.relays[i].info
                if let facts = onionoo.facts(fingerprint: info.fingerprint, nickname: info.nickname) { relays.relays[i].facts.fill(from: facts) }
            }
        }
        latest = RelayStatistics(latestOf: relays)
        var warnings = identity.warnings
        var grouped: RelayTable?

        let comments = files.first { !$0.metadata.groupLabels.isEmpty }?.metadata
        labels = GroupLabels(overrides: options.groupLabels, experiment: side.experiment, comments: comments,
                             relayConfig: side.relayConfig, groupFiles: side.groupFiles)

        let tables = files.filter { $0.daily.map { !$0.isEmpty } ?? false }
        if let first = tables.first, let d = first.daily {
            daily = d
            for f in tables.dropFirst() {
                warnings.append(Diagnostic(file: f.path, message: "not used: only one experiment table is drawn, the first given (\(first.path)); draw this one on its own"))
            }
            let grouped = files.filter { f in f.relays.relays.contains { !$0.groupSpans.isEmpty || !$0.info.group.isEmpty } }
            for f in grouped {
                warnings.append(Diagnostic(file: f.path, message: "its group cells are not used: the group charts come from the experiment table \(first.path); draw this file on its own for its groups"))
            }
        } else {
            let membership = GroupMembership(relays, side: side, source: source)
            grouped = membership.grouped
            warnings += membership.warnings
            sharedRelays = membership.shared
            if membership.grouped.isEmpty {
                daily = nil
            } else {
                var starts: [String: Int64] = [:]
                for g in membership.grouped.groups { starts[g] = side.experiment?.start(of: g)?.seconds }
                var table = DailyTable.aligned(membership.grouped, starts: starts)
                table.baseline = ChartInputs.baseline(relays, before: table.groupStarts.values.min())
                daily = table
            }
        }
        let labels = self.labels
        // events.csv names groups by ID, several joined by `_`; IDs hold `_` too, so it is read
        // against every group the run knows.
        var known = Set(daily?.groups ?? [])
        known.formUnion(side.experiment.map { Array($0.groups.keys) } ?? [])
        known.formUnion(side.groupFiles?.files.map(\.group) ?? [])
        known.formUnion((side.relayConfig?.entries.map(\.group) ?? []).filter { !$0.isEmpty })
        known.formUnion(options.groupLabels.keys)
        let knownGroups = known
        self.side.events = side.events?.resolvingGroups(known: knownGroups)
        let restarts = grouped.map(RestartEvents.events)?.map { $0.resolvingGroups(known: knownGroups) } ?? []
        var timeline = self.side.events ?? (restarts.isEmpty ? nil : EventLog(events: []))
        let merged = ((timeline?.events ?? []) + restarts).enumerated()
            .sorted { ($0.element.time.seconds, $0.offset) < ($1.element.time.seconds, $1.offset) }.map(\.element)
        timeline?.events = merged
        self.timeline = timeline
        let events = merged
        let rule = options.rule.applying(to: options.metric)
        groups = daily.map { GroupAnalysis($0, labels: labels, rule: rule, control: options.control,
                                           compared: options.compared, events: events) }
        if let grouped, let groups {
            tradeoffs = TradeoffAnalysis(grouped: grouped, analysis: groups)
            self.restarts = GroupRestarts.groups(grouped: grouped, analysis: groups)
            warnings += tradeoffs?.allocatorWarnings(source: source) ?? []
        }
        let restartCaveats = RestartCaveats.caveats(self.restarts, timeline: events)
        if let groups { caveats = Caveats(analysis: groups, grouped: grouped, tradeoffs: tradeoffs, extra: restartCaveats) }
        let peaks = Dictionary(self.restarts.filter(\.isSawtooth).compactMap { r in r.meanPeakBeforeRestartGB.map { (r.group, $0) } },
                               uniquingKeysWith: { a, _ in a })
        headroom = HostHeadroom(diagnostics: side.diagnostics, aggregate: aggregate, analysis: groups, peaks: peaks)
        let snapshots = files.filter { $0.snapshot != nil }
        if let first = snapshots.first, relays.isEmpty {
            snapshot = first.snapshot
            for f in snapshots.dropFirst() {
                warnings.append(Diagnostic(file: f.path, message: "not used: only one snapshot is drawn, the first given (\(first.path)); draw this one on its own"))
            }
        } else {
            snapshot = nil
            let series = files.filter { $0.snapshot == nil }.map(\.path).joined(separator: ", ")
            for f in snapshots {
                warnings.append(Diagnostic(file: f.path, message: "not used: a snapshot is not drawn next to per-relay time series (\(series)); draw it on its own"))
            }
        }
        sideFiles = SideFileUse.uses(side, relays: relays.isEmpty ? (daily?.relays ?? []) : relays.relays.map(\.info), labels: labels)
        for use in sideFiles where use.matchesFew {
            warnings.append(Diagnostic(file: use.path, message: use.fewText))
        }
        self.warnings = warnings
        scope = RunScope(self)
    }

    /// The mean RSS (GB) of the day before the earliest group start: each relay's mean over that
    /// day, averaged over relays; nil when the data holds no sample before the change.
    static func baseline(_ relays: RelayTable, before start: Int64?) -> Double? {
        guard let start else { return nil }
        let perRelay = relays.relays.compactMap { r -> Double? in
            let values = zip(r.times, r.values).filter { $0.0 < start && $0.0 >= start - 86_400 }.map(\.1)
            return values.isEmpty ? nil : r.metric.shown(Sample.mean(values))
        }
        return perRelay.isEmpty ? nil : Sample.mean(perRelay)
    }
}
