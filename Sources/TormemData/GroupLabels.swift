import TormemCore

/// A readable label for each experiment group, from (first wins): `--group-label A="..."`,
/// `experiment.json`, the `# GROUP DEFINITIONS` comment block, `relay_config.csv` notes shared by
/// the whole group, else the group letter itself. Nothing about particular groups lives in code.
public struct GroupLabels: Equatable, Sendable {
    public var labels: [String: String]
    /// Where each label came from.
    public var sources: [String: Source] = [:]

    public enum Source: String, Sendable { case groupFile, relayConfig, comments, experiment, option }

    public init(_ labels: [String: String] = [:]) { self.labels = labels }

    public init(overrides: [String: String], experiment: ExperimentInfo?, comments: CommentMetadata?,
                relayConfig: RelayConfig?, groupFiles: GroupFiles? = nil) {
        var l: [String: String] = [:]
        var from: [String: Source] = [:]
        // A group file's stem after the group letter: group_B_mimalloc209.txt → "mimalloc209".
        for f in groupFiles?.files ?? [] {
            let parts = f.group.split(separator: "_", maxSplits: 1)
            if parts.count == 2 { l[f.group] = String(parts[1]); from[f.group] = .groupFile }
        }
        if let rc = relayConfig {
            let byGroup = Dictionary(grouping: rc.entries, by: \.group)
            for (g, es) in byGroup {
                let notes = Set(es.map(\.notes))
                if notes.count == 1, let n = notes.first, !n.isEmpty { l[g] = n; from[g] = .relayConfig }
            }
        }
        for (g, v) in comments?.groupLabels ?? [:] { l[g] = v; from[g] = .comments }
        for (g, info) in experiment?.groups ?? [:] {
            if let n = info.name ?? info.config { l[g] = n; from[g] = .experiment }
        }
        for (g, v) in overrides { l[g] = v; from[g] = .option }
        labels = l
        sources = from
    }

    /// The label of `group` (the group itself when nothing names it; "(no group)" for "").
    public func label(_ group: String) -> String {
        if let l = labels[group], !l.isEmpty { return l }
        return group.isEmpty ? "(no group)" : group
    }

    /// "A · DirCache 0" style: letter and label; just the group when the label says nothing more
    /// (it is the group, or contained in it: `C_tcmalloc215_historical`, not
    /// `C_tcmalloc215_historical · tcmalloc215_historical`, the label its group file's stem gave).
    public func titled(_ group: String) -> String {
        let l = label(group)
        if group.isEmpty { return l }
        return GroupLabels.repeats(l, of: group) ? group : "\(group) · \(l)"
    }

    /// True when `label` adds nothing to `group`: equal to it or contained in it, ignoring case and
    /// whether words are joined by spaces, `_` or `-` (`glibc control` in `D_glibc_control`).
    public static func repeats(_ label: String, of group: String) -> Bool {
        func plain(_ s: String) -> String { String(s.lowercased().map { $0 == "_" || $0 == "-" ? " " : $0 }) }
        return label.isEmpty || plain(group).contains(plain(label))
    }
}
