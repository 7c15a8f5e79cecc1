import TormemCore

extension Caveats {
    /// `bimodal`: a group whose end values fall into clearly separated clusters (`EndClusters`),
    /// with each cluster's n, mean and range.
    static func bimodal(_ g: GroupStats, _ a: GroupAnalysis) -> Caveat? {
        let c = EndClusters(g.endValues)
        guard c.isSeparated else { return nil }
        let parts = c.clusters.map { "\($0.n) at \(value($0.mean, a))" }
        let text = "group \(g.group): its end values fall into \(c.clusters.count) separate clusters (" + parts.joined(separator: ", ")
            + "), so its mean \(value(g.endMean, a)) describes none of them (median \(value(g.endMedian, a)))"
        let list: [[(String, Caveat.Value)]] = c.clusters.map { k in
            [("n", .int(k.n)), ("mean_gb", .number(k.mean)), ("low_gb", .number(k.low)), ("high_gb", .number(k.high)),
             ("relays", .names(k.members))]
        }
        return Caveat(kind: .bimodal, groups: [g.group], relays: [],
                      numbers: [("clusters", .list(list)), ("mean_end_gb", .number(g.endMean)), ("median_end_gb", .number(g.endMedian))],
                      text: text)
    }

    /// `unlike`: the relays more than 3 MAD from their group's median (`GroupStats.unlike`), and the
    /// group's end mean without them.
    static func unlike(_ g: GroupStats, _ a: GroupAnalysis) -> Caveat? {
        guard !g.unlike.isEmpty else { return nil }
        let without = endMean(g, without: Set(g.unlike))
        let count = g.unlike.count == 1 ? "1 relay is" : "\(g.unlike.count) relays are"
        let text = "group \(g.group): \(count) unlike the group (more than 3 MAD from its median \(value(g.endMedian, a)) at the end: "
            + MessageText.list(g.unlike, shown: 12) + "); " + Caveats.without(g.unlike.count == 1 ? "it" : "them", without, g.endMean, a)
        return Caveat(kind: .unlike, groups: [g.group], relays: g.unlike,
                      numbers: [("median_end_gb", .number(g.endMedian)), ("mad_gb", .number(Sample.medianAbsoluteDeviation(g.endValues.map(\.gb)))),
                                ("mean_end_gb", .number(g.endMean)), ("mean_without_gb", .number(without))],
                      text: text)
    }

    /// `allocator_mismatch`: relays whose allocator is not their group's (the collector's column),
    /// and the group's end mean without them.
    static func allocator(_ g: GroupStats, _ t: GroupTradeoff, _ a: GroupAnalysis) -> Caveat? {
        guard !t.allocatorMismatches.isEmpty, let own = t.allocator else { return nil }
        let names = t.allocatorMismatches.map(\.name)
        let without = endMean(g, without: Set(names))
        var byAllocator: [(allocator: String, names: [String])] = []
        for m in t.allocatorMismatches {
            if let i = byAllocator.firstIndex(where: { $0.allocator == m.allocator }) { byAllocator[i].names.append(m.name) }
            else { byAllocator.append((m.allocator, [m.name])) }
        }
        let what = byAllocator.map { MessageText.list($0.names, shown: 8) + ($0.names.count == 1 ? " runs " : " run ") + $0.allocator }
        let text = "group \(g.group): " + what.joined(separator: "; ") + ", not the group's \(own); "
            + Caveats.without(names.count == 1 ? "it" : "them", without, g.endMean, a)
        return Caveat(kind: .allocatorMismatch, groups: [g.group], relays: names,
                      numbers: [("allocator", .text(own)), ("mean_end_gb", .number(g.endMean)), ("mean_without_gb", .number(without))],
                      text: text)
    }

    /// `small_group`: fewer than 3 relays.
    static func small(_ g: GroupStats) -> Caveat? {
        guard g.relays < 3 else { return nil }
        let text = g.relays == 1
            ? "group \(g.group) has 1 relay: its behaviour is the group's, and no interval can be given"
            : "group \(g.group) has \(g.relays) relays: one relay moves its mean by half, and its interval is wide"
        return Caveat(kind: .smallGroup, groups: [g.group], numbers: [("relays", .int(g.relays))], text: text)
    }
}
