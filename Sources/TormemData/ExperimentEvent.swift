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

    public init(time: Timestamp, type: String, description: String, group: String = "") {
        self.time = time; self.type = type; self.description = description; self.group = group
    }

    /// True when the event concerns every relay (`all` or no group).
    public var isForAll: Bool { group.isEmpty || group.lowercased() == "all" }

    /// The group IDs named in the `group` cell (empty for all relays).
    public var groups: [String] {
        isForAll ? [] : group.split(separator: "_").map(String.init)
    }

    /// True when the event concerns the group with ID `id`: an event of all relays, or one naming
    /// the ID or its leading letter (`D` names `D_mimalloc`).
    public func concerns(_ id: String) -> Bool {
        isForAll || groups.contains { id == $0 || id.hasPrefix($0 + "_") }
    }
}
