import TormemData
import TormemChart

/// Which charts the data supports, and why the others are skipped.
public struct ChartPlan: Sendable {
    /// One chart to draw: its file stem and figure.
    public struct Chart: Sendable {
        public var name: String
        public var figure: Figure
        /// What the chart shows (alt text for reports).
        public var description: String
    }

    public struct Skipped: Sendable, Equatable {
        public var name: String
        public var reason: String
    }

    public var charts: [Chart] = []
    public var skipped: [Skipped] = []

    public init(_ inputs: ChartInputs, request: ChartsRequest) {
        let style = request.chartStyle
        let p = request.prefix
        let opts = request.relayOptions

        // Aggregate time series.
        if let data = inputs.aggregate {
            charts.append(Chart(name: "\(p)_usage", figure: MemoryUsageChart.make(data, style: style),
                                description: "Total memory of all relays over time, and memory per relay (average with min–max range)"))
            charts.append(Chart(name: "\(p)_weekly", figure: WeeklyChart.make(data, style: style),
                                description: "Weekly average of total memory per ISO week, with the week's largest relay count"))
        } else {
            let why = "no aggregate time series (needs monitor or unified data)"
            skipped += [Skipped(name: "\(p)_usage", reason: why), Skipped(name: "\(p)_weekly", reason: why)]
        }

        // Per-group charts.
        if let a = inputs.groups, a.groups.contains(where: { !$0.endMean.isNaN }) {
            charts.append(Chart(name: "chart1_memory_over_time",
                                figure: GroupMeansChart.make(a, labels: inputs.labels, options: opts, style: style),
                                description: "Mean RSS per group per day, with the fragmentation zone and the expected maximum"))
            charts.append(Chart(name: "chart2_final_comparison",
                                figure: FinalComparisonChart.make(a, labels: inputs.labels, style: style),
                                description: "Final mean RSS per group against the day-0 baseline, with each group's status"))
            if let n = FragmentationTimelineChart.annotations(a) {
                charts.append(Chart(name: "chart3_fragmentation_timeline",
                                    figure: FragmentationTimelineChart.make(a, n, labels: inputs.labels, style: style),
                                    description: "A representative relay of the control group against one of the best group"))
            } else {
                let reason: String
                if a.control == nil {
                    reason = "no control group (no group label says control, default or none); choose one with --control GROUP"
                } else if a.best == nil || a.best == a.control {
                    reason = "no other group to compare with the control group \(a.control!)"
                } else {
                    reason = "the control or best group has no relay with values after day \(a.table.days.first ?? 0)"
                }
                skipped.append(Skipped(name: "chart3_fragmentation_timeline", reason: reason))
            }
        } else {
            let why = inputs.groups != nil && inputs.groups!.groups.allSatisfy({ $0.endMean.isNaN })
                ? "no group has any value (every cell is empty)"
                : inputs.relays.isEmpty && inputs.files.allSatisfy({ $0.daily == nil })
                ? "no per-relay data with groups (needs experiment data, or unified relay rows with a group column or relay_config.csv)"
                : "no relay has a group (add a group column, relay_config.csv, or use experiment data)"
            for n in ["chart1_memory_over_time", "chart2_final_comparison", "chart3_fragmentation_timeline"] {
                skipped.append(Skipped(name: n, reason: why))
            }
        }

        // Per-relay time series.
        if !inputs.relays.isEmpty {
            let table = inputs.relays
            let stats = RelayStatistics(latestOf: table)
            charts.append(Chart(name: "\(p)_trajectories", figure: TrajectoriesChart.make(table, options: opts, style: style),
                                description: "RSS of each relay over time: the top \(min(opts.topN, table.count)) by latest RSS" +
                                    (table.count > opts.topN ? ", and the p10–p90 band and median of all \(table.count)" : "")))
            let subject = style.title ?? Set(table.relays.map(\.info.server)).sorted().joined(separator: ", ")
            charts.append(Chart(name: "\(p)_distribution",
                                figure: DistributionChart.make(stats, subject: subject, subtitle: TrajectoriesChart.subtitle(table), style: style),
                                description: "Histogram of the latest RSS per relay, with the top and bottom relays"))
            if let fig = OutliersChart.make(table, stats: stats, options: opts, style: style) {
                charts.append(Chart(name: "\(p)_outliers", figure: fig,
                                    description: "Relays whose latest RSS is above the outlier threshold, highlighted among all relays"))
            } else {
                skipped.append(Skipped(name: "\(p)_outliers",
                                       reason: "no relay above the threshold of \(fixed(stats.threshold(fixed: opts.outlierThresholdGB), 2)) GB"))
            }
        } else if let snap = inputs.snapshot {
            let stats = RelayStatistics(snap.relays.map { RelayStatistics.Entry(info: RelayInfo(nickname: $0.name), gb: $0.rssGB) })
            let subject = style.title ?? snap.host ?? "snapshot"
            if !stats.ranked.isEmpty {
                charts.append(Chart(name: "\(p)_distribution",
                                    figure: DistributionChart.make(stats, subject: subject, subtitle: SnapshotRankingChart.subtitle(snap), style: style),
                                    description: "Histogram of RSS per relay at the snapshot, with the top and bottom relays"))
                charts.append(Chart(name: "\(p)_ranking", figure: SnapshotRankingChart.make(snap, style: style),
                                    description: "RSS of every running relay at the snapshot, with VmSize and fragmentation ratio"))
            } else {
                skipped.append(Skipped(name: "\(p)_distribution", reason: "no relay was running in the snapshot"))
            }
            let why = "a snapshot has one reading per relay, no time series"
            skipped += [Skipped(name: "\(p)_trajectories", reason: why), Skipped(name: "\(p)_outliers", reason: why)]
        } else {
            let why = "no per-relay time series (needs unified relay rows)"
            for n in ["\(p)_trajectories", "\(p)_distribution", "\(p)_outliers"] { skipped.append(Skipped(name: n, reason: why)) }
        }
    }
}
