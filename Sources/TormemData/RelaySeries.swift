import TormemCore

/// One relay's RSS over time (KiB), sorted by time; missing samples are simply absent.
public struct RelaySeries: Equatable, Sendable {
    public var info: RelayInfo
    public var times: [Int64] = []
    public var rssKB: [Double] = []

    public init(info: RelayInfo, times: [Int64] = [], rssKB: [Double] = []) {
        self.info = info; self.times = times; self.rssKB = rssKB
    }

    public var count: Int { times.count }
    public var latestKB: Double? { rssKB.last }
    public var latestTime: Int64? { times.last }

    /// Sorts by time and keeps the last value of duplicated timestamps.
    mutating func normalize() {
        guard zip(times, times.dropFirst()).contains(where: { $0 >= $1 }) else { return }
        let order = times.indices.sorted { times[$0] != times[$1] ? times[$0] < times[$1] : $0 < $1 }
        var t: [Int64] = [], v: [Double] = []
        t.reserveCapacity(order.count); v.reserveCapacity(order.count)
        for i in order {
            if let last = t.last, last == times[i] { v[v.count - 1] = rssKB[i] } else { t.append(times[i]); v.append(rssKB[i]) }
        }
        times = t; rssKB = v
    }
}
