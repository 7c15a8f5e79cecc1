import TormemCore

/// One line of an experiment's timeline (`events.csv`): when, what kind, what happened, and which
/// groups it concerns.
public struct ExperimentEvent: Equatable, Sendable {
    public var time: Timestamp
    /// `config_change`, `relay_add`, `restart`, `migration`, `experiment`, `experiment_end`, …
    public var type: String
    public var description: String
    /// The `group` cell as written: a group ID, several joined by `_`, or empty / `all`.
    public var group: String
    /// The group IDs named in the `group` cell (empty for all relays): split at `_` until
    /// `resolvingGroups(known:)` matched the cell against the groups of the run.
    public var groups: [String]
    /// Made from the data (a restart seen in `started`), not read from events.csv.
    public var seenInData = false

    public init(time: Timestamp, type: String, description: String, group: String = "") {
        self.time = time; self.type = type; self.description = description; self.group = group
        groups = ExperimentEvent.groups(inCell: group, known: [])
    }

    /// True when the event concerns every relay (`all` or no group).
    public var isForAll: Bool { group.isEmpty || group.lowercased() == "all" }

    /// True when the event concerns the group with ID `id`: an event of all relays, or one naming
    /// the ID or its leading letter (`D` names `D_mimalloc`).
    public func concerns(_ id: String) -> Bool {
        isForAll || groups.contains { id == $0 || id.hasPrefix($0 + "_") }
    }

    /// The event with its groups read against the run's group IDs (`known`).
    public func resolvingGroups(known: Set<String>) -> ExperimentEvent {
        var e = self
        e.groups = ExperimentEvent.groups(inCell: group, known: known)
        return e
    }

    /// The groups a `group` cell names. Group IDs contain `_` themselves (`C_tcmalloc215_historical`),
    /// so the cell is matched against the known IDs first: the whole cell when it is one; else a
    /// split at `_` into pieces that are each a known ID or a known ID's leading part (`A` of
    /// `A_jemalloc530`), the fewest pieces first; else the plain `_` split when no group is known,
    /// and the whole cell (one group, not known) when groups are known but the cell matches none.
    public static func groups(inCell cell: String, known: Set<String>) -> [String] {
        if cell.isEmpty || cell.lowercased() == "all" { return [] }
        let parts = cell.split(separator: "_", omittingEmptySubsequences: false).map(String.init)
        if known.isEmpty { return parts.filter { !$0.isEmpty } }
        if known.contains(cell) { return [cell] }
        func isKnown(_ piece: String) -> Bool {
            !piece.isEmpty && (known.contains(piece) || known.contains { $0.hasPrefix(piece + "_") })
        }
        // best[i]: the fewest known pieces covering parts[i...], nil when they cannot be covered.
        var best: [[String]?] = Array(repeating: nil, count: parts.count + 1)
        best[parts.count] = []
        for i in stride(from: parts.count - 1, through: 0, by: -1) {
            for j in stride(from: parts.count, to: i, by: -1) {
                let piece = parts[i..<j].joined(separator: "_")
                guard isKnown(piece), let rest = best[j] else { continue }
                if best[i] == nil || rest.count + 1 < best[i]!.count { best[i] = [piece] + rest }
            }
        }
        return best[0] ?? [cell]
    }
}
