/// Every relay's RSS series from per-relay rows (unified format), sorted by server and identity.
public struct RelayTable: Equatable, Sendable {
    public var relays: [RelaySeries]

    public init(relays: [RelaySeries]) {
        self.relays = relays.sorted { ($0.info.server, $0.info.id) < ($1.info.server, $1.info.id) }
    }

    public var isEmpty: Bool { relays.isEmpty }
    public var count: Int { relays.count }

    /// Every distinct sample time, ascending.
    public var times: [Int64] {
        var all: [Int64] = []
        all.reserveCapacity(relays.first?.count ?? 0)
        for r in relays { all.append(contentsOf: r.times) }
        all.sort()
        var out: [Int64] = []
        out.reserveCapacity(all.count / max(1, relays.count) + 1)
        for t in all where out.last != t { out.append(t) }
        return out
    }

    public var start: Int64? { relays.compactMap(\.times.first).min() }
    public var end: Int64? { relays.compactMap(\.times.last).max() }

    /// Relays with their latest RSS (KiB), for rankings and distributions.
    public var latest: [(info: RelayInfo, kib: Double)] {
        relays.compactMap { r in r.latestKB.map { (r.info, $0) } }
    }

    /// Groups present, in sorted order (empty string excluded).
    public var groups: [String] { Array(Set(relays.map(\.info.group)).subtracting([""])).sorted() }

    /// Merges tables from several files (same relay in two files: samples merged).
    public static func merge(_ tables: [RelayTable]) -> RelayTable {
        var byKey: [String: RelaySeries] = [:]
        for t in tables {
            for r in t.relays {
                let key = r.info.server + "\u{1}" + r.info.id
                if var existing = byKey[key] {
                    existing.times += r.times; existing.rssKB += r.rssKB
                    if existing.info.group.isEmpty { existing.info.group = r.info.group }
                    existing.normalize()
                    byKey[key] = existing
                } else {
                    byKey[key] = r
                }
            }
        }
        return RelayTable(relays: Array(byKey.values))
    }
}
