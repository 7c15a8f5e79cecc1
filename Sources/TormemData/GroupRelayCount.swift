/// How many relays the groups of a daily table hold: distinct relays (one relay listed in two
/// groups counts once) apart from memberships (it counts in each group's n).
public struct GroupRelayCount: Equatable, Sendable {
    /// Distinct relays in any group.
    public var relays: Int
    /// Relay–group pairs: the sum of the groups' n.
    public var memberships: Int
    /// Relays in more than one group, by how many groups they are in (2 → 60: 60 relays in two groups).
    public var inSeveral: [Int: Int]

    public init(relays: Int = 0, memberships: Int = 0, inSeveral: [Int: Int] = [:]) {
        self.relays = relays; self.memberships = memberships; self.inSeveral = inSeveral
    }

    /// A relay is its server and identity (fingerprint, else nickname), whatever group a row puts it in.
    public init(_ table: DailyTable) {
        var groups: [String: Set<String>] = [:]
        for r in table.relays where !r.group.isEmpty { groups[r.server + "\u{0}" + r.id, default: []].insert(r.group) }
        relays = groups.count
        memberships = groups.values.reduce(0) { $0 + $1.count }
        inSeveral = [:]
        for g in groups.values where g.count > 1 { inSeveral[g.count, default: 0] += 1 }
    }
}
