import TormemCore

/// The aggregate memory of one or more servers, plus their sum: what the time-series charts draw.
public struct AggregateDataset: Equatable, Sendable {
    /// One series per server, sorted by server name.
    public var servers: [AggregateSeries]
    /// The sum over all servers (equal to the only server when there is one).
    public var combined: AggregateSeries

    public init(servers: [AggregateSeries]) {
        let merged = AggregateDataset.mergeSameServer(servers)
        self.servers = merged
        combined = merged.count == 1 ? merged[0] : AggregateDataset.sum(merged, name: "All servers")
    }

    public var serverNames: [String] { servers.map(\.server) }

    /// Series of the same server from several files become one (later files win on equal times);
    /// a server's only series is taken as it is: its columns are already sorted.
    static func mergeSameServer(_ list: [AggregateSeries]) -> [AggregateSeries] {
        var byName: [String: AggregateSeries] = [:]
        for s in list {
            byName[s.server] = byName[s.server].map { AggregateSeries.merging($0, s) } ?? s
        }
        return byName.keys.sorted().map { byName[$0]! }
    }

    /// Sums servers at every time any of them was sampled. Between its first and last sample a
    /// server contributes its most recent value (servers rarely sample at the same second).
    public static func sum(_ list: [AggregateSeries], name: String) -> AggregateSeries {
        var times = Set<Int64>()
        for s in list { times.formUnion(s.times) }
        let sorted = times.sorted()
        var out = AggregateSeries(server: name)
        var cursor = [Int](repeating: -1, count: list.count)
        for t in sorted {
            var relays = 0, knownRelays = true
            var total = 0.0, mn = Double.infinity, mx = -Double.infinity
            var any = false
            for (k, s) in list.enumerated() {
                guard let first = s.times.first, let last = s.times.last, t >= first, t <= last else { continue }
                while cursor[k] + 1 < s.count, s.times[cursor[k] + 1] <= t { cursor[k] += 1 }
                let i = cursor[k]
                any = true
                total += s.totalKB[i]
                if s.relays[i] >= 0 { relays += s.relays[i] } else { knownRelays = false }
                if !s.minKB[i].isNaN { mn = Swift.min(mn, s.minKB[i]) }
                if !s.maxKB[i].isNaN { mx = Swift.max(mx, s.maxKB[i]) }
            }
            guard any else { continue }
            let count = knownRelays ? relays : -1
            out.append(AggregateSample(time: t, relays: count, totalKB: total,
                                       avgKB: count > 0 ? total / Double(count) : .nan,
                                       minKB: mn.isFinite ? mn : .nan, maxKB: mx.isFinite ? mx : .nan))
        }
        return out
    }
}
