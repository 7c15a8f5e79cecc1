import TormemCore

/// Every caveat of a run (SPEC §6 "Caveats"), in group order, each group's in the order of
/// `Caveat.Kind`; a caveat about several groups is listed under the first. Computed once in
/// ChartInputs; the summary, `--json`, REPORT.md's draft findings and the charts read it.
public struct Caveats: Equatable, Sendable {
    public var all: [Caveat]

    public init(_ all: [Caveat] = []) { self.all = all }

    /// `grouped`: one series per relay and group membership (in the order of `analysis.table.relays`),
    /// nil for an experiment table (no samples: no overlap times, gaps or restarts).
    public init(analysis a: GroupAnalysis, grouped: RelayTable?, tradeoffs: TradeoffAnalysis?, extra: [Caveat] = []) {
        var found: [Caveat] = []
        found += Caveats.overlaps(a, grouped: grouped)
        found += a.groups.compactMap { Caveats.bimodal($0, a) }
        found += a.groups.compactMap { Caveats.unlike($0, a) }
        found += Caveats.unequalWindows(a)
        found += a.groups.compactMap { Caveats.small($0) }
        if let grouped { found += Caveats.gaps(a, grouped: grouped) }
        if let t = tradeoffs { found += a.groups.compactMap { g in t.group(g.group).flatMap { Caveats.allocator(g, $0, a) } } }
        found += extra
        let order = Dictionary(uniqueKeysWithValues: a.groups.enumerated().map { ($0.element.group, $0.offset) })
        let kinds = Dictionary(uniqueKeysWithValues: Caveat.Kind.allCases.enumerated().map { ($0.element, $0.offset) })
        all = found.enumerated().sorted { x, y in
            let gx = x.element.groups.first.flatMap { order[$0] } ?? Int.max, gy = y.element.groups.first.flatMap { order[$0] } ?? Int.max
            return (gx, kinds[x.element.kind]!, x.offset) < (gy, kinds[y.element.kind]!, y.offset)
        }.map(\.element)
    }

    /// The caveats listed under `group` (it is their first group).
    public func about(_ group: String) -> [Caveat] { all.filter { $0.groups.first == group } }

    /// The caveats of one kind.
    public func of(_ kind: Caveat.Kind) -> [Caveat] { all.filter { $0.kind == kind } }

    public var isEmpty: Bool { all.isEmpty }

    /// The mean of `group`'s relays on its end day, leaving out `without` (display names); NaN when none is left.
    static func endMean(_ g: GroupStats, without: Set<String>) -> Double {
        Sample.mean(g.endValues.filter { !without.contains($0.name) }.map(\.gb))
    }

    /// `without them its end mean is 2.20 GB, not 2.11 GB`, or `… 5.57 GB, as with them` when the two read alike.
    static func without(_ pronoun: String, _ v: Double, _ with: Double, _ a: GroupAnalysis) -> String {
        let x = value(v, a), y = value(with, a)
        return "without \(pronoun) its end mean is \(x)" + (x == y ? ", as with \(pronoun)" : ", not \(y)")
    }

    /// `4.10 GB` (or a ratio), as the metric writes its values.
    static func value(_ v: Double, _ a: GroupAnalysis) -> String { v.isNaN ? "no value" : a.metric.text(v) }
}
