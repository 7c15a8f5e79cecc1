import TormemCore

extension Caveats {
    /// `overlap`: every pair of groups that holds the same relays (a relay is its server and
    /// identity), how many and which, since when both memberships have samples, and each group's
    /// end mean without the shared relays.
    static func overlaps(_ a: GroupAnalysis, grouped: RelayTable?) -> [Caveat] {
        let table = a.table
        var byGroup: [String: [String: Int]] = [:]   // group → relay key → row
        for (r, info) in table.relays.enumerated() where !info.group.isEmpty {
            byGroup[info.group, default: [:]][info.server + "\u{0}" + info.id] = r
        }
        let aligned = grouped.map { $0.relays.count == table.relays.count } ?? false
        var out: [Caveat] = []
        let groups = a.groups
        for i in groups.indices {
            for j in groups.indices where j > i {
                let g = groups[i], h = groups[j]
                guard let rows = byGroup[g.group], let other = byGroup[h.group] else { continue }
                let keys = rows.keys.filter { other[$0] != nil }
                guard !keys.isEmpty else { continue }
                let names = keys.map { table.relays[rows[$0]!].displayName }.sorted()
                var since: Int64?
                if aligned, let grouped {
                    for k in keys {
                        if let t0 = grouped.relays[rows[k]!].times.first, let t1 = grouped.relays[other[k]!].times.first {
                            since = min(since ?? max(t0, t1), max(t0, t1))
                        }
                    }
                }
                let shared = Set(names)
                let gWithout = endMean(g, without: shared), hWithout = endMean(h, without: shared)
                let gLeft = g.endValues.filter { !shared.contains($0.name) }.count
                let hLeft = h.endValues.filter { !shared.contains($0.name) }.count
                func part(_ s: GroupStats, _ left: Int, _ without: Double) -> String {
                    left == 0 ? "every relay of \(s.group) with a value at its end is shared"
                        : "\(s.group) without them: n = \(left), end \(value(without, a)) (with them \(value(s.endMean, a)))"
                }
                let count = names.count == 1 ? "1 relay" : "\(names.count) relays"
                let sinceText = since.map { " since " + Timestamp(seconds: $0).iso8601 } ?? ""
                let text = "groups \(g.group) and \(h.group) share \(count)\(sinceText) (\(MessageText.list(names, shown: 5))): "
                    + part(g, gLeft, gWithout) + "; " + part(h, hLeft, hWithout)
                var numbers: [(String, Caveat.Value)] = [("shared", .int(names.count))]
                numbers.append(("since", since.map { .text(Timestamp(seconds: $0).iso8601 + "Z") } ?? .text("")))
                numbers += [("relays_without", .int(gLeft)), ("mean_end_without_gb", .number(gWithout)),
                            ("mean_end_gb", .number(g.endMean)),
                            ("other_relays_without", .int(hLeft)), ("other_mean_end_without_gb", .number(hWithout)),
                            ("other_mean_end_gb", .number(h.endMean))]
                out.append(Caveat(kind: .overlap, groups: [g.group, h.group], relays: names, numbers: numbers, text: text))
            }
        }
        return out
    }
}
