import TormemCore

/// Every group's trade-off beside its memory, against the control (SPEC §6 "Quantities"), from the
/// per-relay facts of each group membership: nil when no relay of any group has a fact.
public struct TradeoffAnalysis: Equatable, Sendable {
    public var groups: [GroupTradeoff]
    public var control: String?

    /// `grouped`: one series per relay and group (its samples in the group), in the order of
    /// `analysis.table.relays`.
    public init?(grouped: RelayTable, analysis: GroupAnalysis) {
        let table = analysis.table
        guard grouped.relays.count == table.relays.count,
              grouped.relays.contains(where: { !$0.facts.isEmpty }) else { return nil }
        var byGroup: [String: [RelayTradeoff]] = [:]
        for (r, series) in grouped.relays.enumerated() {
            guard let from = series.times.first, let through = series.times.last, !series.info.group.isEmpty else { continue }
            let end = table.final(r)?.gb ?? .nan
            byGroup[series.info.group, default: []].append(
                RelayTradeoff(info: series.info, facts: series.facts, from: from, through: through, endValue: end))
        }
        var out = analysis.groups.compactMap { g in
            byGroup[g.group].map { GroupTradeoff(group: g.group, label: g.label, relays: $0.sorted { $0.info.displayName < $1.info.displayName }) }
        }
        control = analysis.control
        if let c = control, let controlTradeoff = out.first(where: { $0.group == c }) {
            for i in out.indices where out[i].group != c { out[i].compare(against: controlTradeoff) }
        }
        groups = out
    }

    public func group(_ id: String) -> GroupTradeoff? { groups.first { $0.group == id } }

    /// Whether any group has a bandwidth, flags or an allocator.
    public var hasBandwidth: Bool { groups.contains(where: \.hasBandwidth) }
    public var hasFlags: Bool { groups.contains { $0.flagsRelays > 0 } }
    public var hasAllocators: Bool { groups.contains { g in g.relays.contains { $0.allocator != nil } } }

    /// Relays whose allocator differs from most of their group's, as warnings.
    public func allocatorWarnings(source: String) -> [Diagnostic] {
        groups.filter { !$0.allocatorMismatches.isEmpty }.map { g in
            let names = g.allocatorMismatches.map { "\($0.name) (\($0.allocator))" }
            return Diagnostic(file: source, message: "group \(g.group): \(MessageText.list(names, shown: 10)) "
                + (names.count == 1 ? "does" : "do") + " not run the group's allocator (\(g.allocator ?? "?")): "
                + "its numbers are not the allocator's")
        }
    }
}
