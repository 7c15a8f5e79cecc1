import TormemCore

/// The same configurations across experiments (report folders), each against its own folder's
/// control: effects, not absolute GB, are what transfer between hosts with other kernels, tor
/// versions and loads. The numbers are the report's (`GroupStats`, `GroupStats.Comparison`): the
/// end mean on the group's last day, the difference of means against the control at the latest day
/// both have data, with its 95 % bootstrap interval over relays.
public struct ExperimentComparison: Sendable {
    /// A group named in several experiments as the same configuration: given (`--match`), or found
    /// by the same label text.
    public struct Match: Equatable, Sendable {
        public var name: String
        /// (experiment index, group ID), one per experiment at most.
        public var members: [Member]
        public init(name: String, members: [Member]) { self.name = name; self.members = members }
    }

    public struct Member: Equatable, Hashable, Sendable {
        public var experiment: Int
        public var group: String
        public init(experiment: Int, group: String) { self.experiment = experiment; self.group = group }
    }

    /// One group of one experiment, with its numbers.
    public struct Entry: Sendable {
        public var experiment: Int
        public var group: String
        /// `B · jemalloc`, as the folder's own report titles it.
        public var title: String
        public var relays: Int
        public var endMean: Double
        /// Days from the group's first to its last day with data, both counted.
        public var windowDays: Int?
        /// Against the folder's control (nil for a control itself, or when the two never share a day).
        public var vsControl: GroupStats.Comparison?
    }

    public struct Configuration: Sendable {
        public var name: String
        /// How its groups were matched.
        public var byOption: Bool
        /// One entry per experiment that has it, in the experiments' order.
        public var entries: [Entry]

        /// Whether every entry's interval excludes zero on the same side: the direction holds everywhere.
        public var agrees: Bool? {
            let signs = entries.map { e -> Int? in
                guard let c = e.vsControl, let lo = c.low, let hi = c.high else { return nil }
                return hi < 0 ? -1 : lo > 0 ? 1 : 0
            }
            guard signs.allSatisfy({ $0 != nil }), signs.count >= 2 else { return nil }
            return Set(signs.map { $0! }).count == 1 && signs.first! != 0
        }

        /// Whether every two intervals overlap (nil when an entry has none): when they do not, the
        /// size of the effect differs between the experiments.
        public var intervalsOverlap: Bool? {
            let spans = entries.compactMap { e -> (Double, Double)? in
                guard let c = e.vsControl, let lo = c.low, let hi = c.high else { return nil }
                return (lo, hi)
            }
            guard spans.count == entries.count, spans.count >= 2 else { return nil }
            return spans.map(\.0).max()! <= spans.map(\.1).min()!
        }
    }

    public var experiments: [ComparedExperiment]
    public var configurations: [Configuration]
    /// Each experiment's control (same order as `experiments`; nil where a folder has none).
    public var controls: [Entry?]
    /// Groups (not controls) no other experiment has by label or match: (experiment, group).
    public var unmatched: [Member]
    /// Labels that name two groups of one experiment, so neither is matched by it: (experiment, label).
    public var ambiguous: [(experiment: Int, label: String, groups: [String])]

    /// `matches` first, in their order (they must name existing groups, no experiment twice and no
    /// control: the caller checks); then every other non-control group whose label, case and
    /// punctuation ignored, names a group of another experiment, in the first experiment's group order.
    public init(_ experiments: [ComparedExperiment], matches: [Match] = []) {
        self.experiments = experiments
        controls = experiments.indices.map { i in
            experiments[i].analysis.control.flatMap { ExperimentComparison.entry(i, $0, experiments) }
        }
        var taken = Set(matches.flatMap(\.members))
        var configs = matches.map { m in
            Configuration(name: m.name, byOption: true,
                          entries: m.members.sorted { $0.experiment < $1.experiment }.compactMap { ExperimentComparison.entry($0.experiment, $0.group, experiments) })
        }
        // Label text → the groups it names, experiment by experiment.
        var byKey: [String: [Member]] = [:], keyOrder: [String] = []
        var ambiguous: [(experiment: Int, label: String, groups: [String])] = []
        for (i, e) in experiments.enumerated() {
            var seen: [String: [String]] = [:], order: [String] = []
            for g in e.analysis.groups where g.group != e.analysis.control && !taken.contains(Member(experiment: i, group: g.group)) {
                guard let label = e.givenLabel(g.group) else { continue }
                let key = ExperimentComparison.key(label)
                guard !key.isEmpty else { continue }
                if seen[key] == nil { order.append(key) }
                seen[key, default: []].append(g.group)
            }
            for key in order {
                let groups = seen[key]!
                if groups.count > 1 {
                    ambiguous.append((i, e.labels.label(groups[0]), groups))
                    continue
                }
                if byKey[key] == nil { keyOrder.append(key) }
                byKey[key, default: []].append(Member(experiment: i, group: groups[0]))
            }
        }
        for key in keyOrder {
            let members = byKey[key]!
            guard Set(members.map(\.experiment)).count >= 2 else { continue }
            let first = members[0]
            configs.append(Configuration(name: experiments[first.experiment].labels.label(first.group), byOption: false,
                                         entries: members.compactMap { ExperimentComparison.entry($0.experiment, $0.group, experiments) }))
            taken.formUnion(members)
        }
        configurations = configs
        self.ambiguous = ambiguous
        unmatched = experiments.indices.flatMap { i in
            experiments[i].analysis.groups.filter { $0.group != experiments[i].analysis.control && !taken.contains(Member(experiment: i, group: $0.group)) }
                .map { Member(experiment: i, group: $0.group) }
        }
    }

    /// A label as matching compares it: lower case, letters and digits only (`Glibc (control)` and
    /// `glibc-control` are the same text; `mimalloc 2.1` and `mimalloc 2.0.9` are not).
    public static func key(_ label: String) -> String {
        String(label.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    static func entry(_ i: Int, _ group: String, _ experiments: [ComparedExperiment]) -> Entry? {
        let e = experiments[i]
        guard let g = e.analysis.stats(group) else { return nil }
        return Entry(experiment: i, group: group, title: e.labels.titled(group), relays: g.relays, endMean: g.endMean,
                     windowDays: Caveats.windowDays(g), vsControl: g.vsControl)
    }

    /// The metric all the experiments' values are of (the first's).
    public var metric: Metric { experiments.first?.analysis.metric ?? .rss }
}
