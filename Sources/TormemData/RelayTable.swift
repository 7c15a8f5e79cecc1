import TormemCore

/// Every relay's series from per-relay rows (unified format), sorted by server and identity.
public struct RelayTable: Equatable, Sendable {
    public var relays: [RelaySeries]

    public init(relays: [RelaySeries]) {
        self.relays = relays.sorted { ($0.info.server, $0.info.id) < ($1.info.server, $1.info.id) }
    }

    public var isEmpty: Bool { relays.isEmpty }
    public var count: Int { relays.count }

    /// Every distinct sample time, ascending. Relays usually share their collection times, so each
    /// relay is merged in linear time and skipped outright when its times equal the union so far.
    public var times: [Int64] {
        guard var union = relays.max(by: { $0.count < $1.count })?.times else { return [] }
        for r in relays where r.times != union {
            var merged: [Int64] = []
            merged.reserveCapacity(union.count + r.count)
            var i = 0, j = 0
            while i < union.count || j < r.count {
                let t: Int64
                if j == r.count || (i < union.count && union[i] <= r.times[j]) { t = union[i]; i += 1 } else { t = r.times[j]; j += 1 }
                if merged.last != t { merged.append(t) }
            }
            union = merged
        }
        return union
    }

    public var start: Int64? { relays.compactMap(\.times.first).min() }
    public var end: Int64? { relays.compactMap(\.times.last).max() }

    /// Relays with the latest value of their analysed quantity (stored units), for rankings and
    /// distributions.
    public var latest: [(info: RelayInfo, value: Double)] {
        relays.compactMap { r in r.latestValue.map { (r.info, $0) } }
    }

    /// The quantity analysed (the first relay's; every relay of a table holds the same ones).
    public var metric: Metric { relays.first?.metric ?? .rss }

    /// Every relay with `m` as the analysed quantity and only its samples of it; relays without one
    /// are left out (`missing` counts them).
    public func selecting(_ m: Metric) -> (table: RelayTable, missing: Int) {
        if relays.allSatisfy({ $0.metric == m }) { return (self, 0) }
        let kept = relays.compactMap { $0.selecting(m) }
        return (RelayTable(relays: kept), relays.count - kept.count)
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
                    existing.append(contentsOf: r)
                    if existing.info.group.isEmpty { existing.info.group = r.info.group }
                    if existing.info.fingerprint.isEmpty { existing.info.fingerprint = r.info.fingerprint }
                    if existing.info.nickname.isEmpty { existing.info.nickname = r.info.nickname }
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
