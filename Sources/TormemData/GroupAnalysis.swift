import TormemCore

/// Per-group analysis of a daily table (SPEC §2): each group over its own window, its status, the
/// control group and every other group against it, the baseline when the data has a
/// before-the-change period, and a representative relay of each group.
public struct GroupAnalysis: Equatable, Sendable {
    public var table: DailyTable
    public var groups: [GroupStats]
    /// The mean before the change (GB): an experiment file's day-0 values, or unified samples before
    /// the earliest group start; NaN when the data has no such period.
    public var baseline: Double
    /// The control group: chosen by option, else the first whose label says control, then default, then none.
    public var control: String?
    /// The group compared with the control: `--compare`, else the lowest final mean (the best).
    public var compared: String?
    public var rule: FragmentationStatus.Rule
    public var factor: Double { rule.factor }
    /// The quantity the groups' values are of (the rule's).
    public var metric: Metric { rule.metric }

    /// A relay is unlike its group only when it is also this far (GB) from the median: below it the
    /// difference is measurement noise, however tight the group.
    public static let unlikeFloorGB = 0.1

    /// Resamples of the bootstrap interval against the control.
    public static let resamples = 10_000

    /// `events`: the timeline; a `restart` of a group starts its window for the 2× rule again.
    public init(_ table: DailyTable, labels: GroupLabels = GroupLabels(), rule: FragmentationStatus.Rule = .init(),
                control chosenControl: String? = nil, compared chosenCompared: String? = nil, events: [ExperimentEvent] = []) {
        self.table = table
        self.rule = rule
        baseline = table.baseline ?? .nan
        let groupNames = table.groups.filter { !$0.isEmpty }
        let members = Dictionary(uniqueKeysWithValues: groupNames.map { g in (g, table.relays.indices.filter { table.relays[$0].group == g }) })
        let restarts = events.filter { $0.type.lowercased() == "restart" }
        var stats = groupNames.map { g in
            GroupAnalysis.stats(of: g, members: members[g]!, table: table, label: labels.label(g), rule: rule,
                                lastRestartDay: GroupAnalysis.lastRestartDay(of: g, restarts, table: table))
        }

        if let c = chosenControl, groupNames.contains(c) {
            control = c
        } else {
            control = nil
            for word in ["control", "default", "none", "baseline"] {
                if let g = stats.first(where: { $0.label.lowercased().contains(word) || $0.group.lowercased() == word }) {
                    control = g.group
                    break
                }
            }
        }
        if let b = chosenCompared, groupNames.contains(b) {
            compared = b
        } else {
            let chosen = control
            compared = stats.filter { $0.group != chosen && !$0.endMean.isNaN }.min { $0.endMean < $1.endMean }?.group
        }
        if let c = control, let controlRows = members[c] {
            for i in stats.indices where stats[i].group != c {
                stats[i].vsControl = GroupAnalysis.compare(members[stats[i].group]!, stats[i].group, against: controlRows, c, table: table)
            }
        }
        groups = stats
    }

    /// The day (since the group's start) holding the latest `restart` event concerning `group`, when
    /// the table counts days from known start times: the restart's first day, as day 0 is the start's.
    static func lastRestartDay(of group: String, _ restarts: [ExperimentEvent], table: DailyTable) -> Int? {
        guard let start = table.groupStarts[group] else { return nil }
        return restarts.filter { $0.concerns(group) && $0.time.seconds >= start }
            .map { Int(($0.time.seconds - start) / 86_400) }.max()
    }

    /// The numbers of one group over its own window. The minimum of the 2× rule is taken after the
    /// first day since the group's start, or since its last restart: a restarted relay starts small again.
    static func stats(of group: String, members: [Int], table: DailyTable, label: String, rule: FragmentationStatus.Rule,
                      lastRestartDay: Int? = nil) -> GroupStats {
        let means = table.days.indices.map { d in Sample.mean(members.map { table.values[$0][d] }.filter { !$0.isNaN }) }
        let firstIdx = means.firstIndex { !$0.isNaN }, lastIdx = means.lastIndex { !$0.isNaN }
        var post: [Double] = []
        if let f = firstIdx {
            let runStart = max(table.days[f], lastRestartDay ?? table.days[f])
            post = table.days.indices.filter { table.days[$0] > runStart && !means[$0].isNaN }.map { means[$0] }
        }
        let ends = lastIdx.map { d in
            members.compactMap { r in table.values[r][d].isNaN ? nil : (table.relays[r].displayName, table.values[r][d]) }
                .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        } ?? []
        let endGB = ends.map(\.1)
        var growth: Double?
        if let f = firstIdx, let l = lastIdx {
            let half = Double(table.days[f]) + Double(table.days[l] - table.days[f]) / 2
            let last = (f...l).filter { !means[$0].isNaN && Double(table.days[$0]) >= half }
            if last.count >= 3 { growth = Sample.slope(x: last.map { Double(table.days[$0]) }, y: last.map { means[$0] }) }
        }
        let median = Sample.quantile(endGB, 0.5), mad = Sample.medianAbsoluteDeviation(endGB)
        let unlike = mad > 0 ? ends.filter { abs($0.1 - median) > max(3 * mad, unlikeFloorGB) }.map(\.0) : []
        let endMean = lastIdx.map { means[$0] } ?? .nan
        let postMin = post.min() ?? .nan
        return GroupStats(
            group: group, label: label, relays: members.count, dailyMeans: means,
            startDay: firstIdx.map { table.days[$0] }, startMean: firstIdx.map { means[$0] } ?? .nan,
            endDay: lastIdx.map { table.days[$0] }, endMean: endMean,
            endMedian: median, endQ1: Sample.quantile(endGB, 0.25), endQ3: Sample.quantile(endGB, 0.75),
            endSD: Sample.standardDeviation(endGB), endValues: ends.map { (name: $0.0, gb: $0.1) },
            growthPerDay: growth, postChangeMinimum: postMin,
            status: FragmentationStatus.classify(endMean: endMean, postStartMinimum: postMin, growth: growth, rule: rule),
            vsControl: nil, unlike: unlike)
    }

    /// `group` against the control at the latest day both have values: difference of means in %,
    /// with a 95 % bootstrap interval over relays (deterministic: seeded by the two group names).
    static func compare(_ rows: [Int], _ group: String, against controlRows: [Int], _ control: String,
                        table: DailyTable) -> GroupStats.Comparison? {
        func values(_ rows: [Int], _ d: Int) -> [Double] { rows.map { table.values[$0][d] }.filter { !$0.isNaN } }
        guard let d = table.days.indices.last(where: { !values(rows, $0).isEmpty && !values(controlRows, $0).isEmpty }) else { return nil }
        let a = values(rows, d), c = values(controlRows, d)
        let r = Sample.percentDifference(a, against: c, resamples: resamples, seed: SplitMix64.seed(group + "\u{1}" + control))
        guard r.percent.isFinite else { return nil }
        var why: String?
        if a.count < 2 || c.count < 2 {
            why = a.count < 2 ? "no interval: n = 1" : "no interval: control n = 1"
        }
        return GroupStats.Comparison(percent: r.percent, low: r.low, high: r.high, atDay: table.days[d], whyNoInterval: why)
    }

    public func stats(_ group: String) -> GroupStats? { groups.first { $0.group == group } }

    /// Groups sorted by final mean, lowest first.
    public var byFinalMean: [GroupStats] {
        groups.filter { !$0.endMean.isNaN }.sorted { ($0.endMean, $0.group) < ($1.endMean, $1.group) }
    }

    /// The median relay of `group` by final RSS (the lower median for an even count): its index in
    /// the table.
    public func representative(of group: String) -> Int? {
        let members = table.relays.indices.filter { table.relays[$0].group == group }
            .compactMap { r in table.final(r).map { (r, $0.gb) } }
            .sorted { ($0.1, table.relays[$0.0].nickname) < ($1.1, table.relays[$1.0].nickname) }
        guard !members.isEmpty else { return nil }
        return members[(members.count - 1) / 2].0
    }
}
