/// Every chart tormem draws, in the order they are drawn, listed in reports and in `draw --help`.
/// Adding a chart: one file with a type conforming to `Chart`, one line here, its test and its
/// golden image.
public enum ChartRegistry {
    public static let all: [any Chart] = [
        MemoryUsageChart(),
        WeeklyChart(),
        GroupMeansChart(),
        FinalComparisonChart(),
        FragmentationTimelineChart(),
        GroupSpreadChart(),
        MemoryVsBandwidthChart(),
        TrajectoriesChart(),
        DistributionChart(),
        OutliersChart(),
        SnapshotRankingChart(),
    ]

    /// `name  what it shows` lines for `draw --help`, with the default file prefix.
    public static func helpText(prefix: String = "memory") -> String {
        let stems = all.map { $0.fileStem(prefix: prefix) }
        let width = stems.map(\.count).max() ?? 0
        return zip(stems, all).map { stem, chart in
            stem + String(repeating: " ", count: width - stem.count + 2) + chart.summary
        }.joined(separator: "\n")
    }
}
