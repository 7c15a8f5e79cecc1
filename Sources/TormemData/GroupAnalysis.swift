import TormemCore

/// Per-group analysis of a daily table: means per day, start/end, status, the day-0 baseline, the
/// control group, the group compared with it, and a representative relay of each.
public struct GroupAnalysis: Equatable, Sendable {
    public var table: DailyTable
    public var groups: [GroupStats]
    /// Mean of every relay's value on the first day of the table (GB); NaN when none.
    public var baseline: Double
    /// The control group: chosen by option, else the first whose label says control, then default, then none.
    public var control: String?
    /// The group compared with the control: `--compare`, else the lowest final mean (the best).
    public var compared: String?
    public var factor: Double

    public init(_ table: DailyTable, labels: GroupLabels = GroupLabels(), factor: Double = FragmentationStatus.defaultFactor,
                control chosenControl: String? = nil, compared chosenCompared: String? = nil) {
        self.table = table
        self.factor = factor
        let groupNames = table.groups
        var stats: [GroupStats] = []
        for g in groupNames {
            let members = table.relays.indices.filter { table.relays[$0].group == g }
            let means = table.days.indices.map { d -> Double in
                let vs = members.map { table.values[$0][d] }.filter { !$0.isNaN }
                return vs.isEmpty ? .nan : vs.reduce(0, +) / Double(vs.count)
            }
            let firstIdx = means.firstIndex { !$0.isNaN }, lastIdx = means.lastIndex { !$0.isNaN }
            let post = means.dropFirst().filter { !$0.isNaN }
            stats.append(GroupStats(
                group: g, label: labels.label(g), relays: members.count, dailyMeans: means,
                startDay: firstIdx.map { table.days[$0] }, startMean: firstIdx.map { means[$0] } ?? .nan,
                endDay: lastIdx.map { table.days[$0] }, endMean: lastIdx.map { means[$0] } ?? .nan,
                postChangeMinimum: post.min() ?? .nan,
                status: FragmentationStatus.classify(means, factor: factor)))
        }
        groups = stats
        let day0 = table.values.compactMap { $0.first }.filter { !$0.isNaN }
        baseline = day0.isEmpty ? .nan : day0.reduce(0, +) / Double(day0.count)

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
            compared = stats.filter { $0.group != control && !$0.endMean.isNaN }.min { $0.endMean < $1.endMean }?.group
        }
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
