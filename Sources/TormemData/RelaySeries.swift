import TormemCore

/// One relay's RSS over time (KiB), sorted by time; missing samples are simply absent.
public struct RelaySeries: Equatable, Sendable {
    public var info: RelayInfo
    public var times: [Int64] = []
    public var rssKB: [Double] = []
    /// The relay's group over time, from a data file's `group` column: from each span's time on, the
    /// relay is in that span's group (empty: in no group). Empty when the file has no group column.
    public var groupSpans: [GroupSpan] = []

    public init(info: RelayInfo, times: [Int64] = [], rssKB: [Double] = [], groupSpans: [GroupSpan] = []) {
        self.info = info; self.times = times; self.rssKB = rssKB; self.groupSpans = groupSpans
    }

    /// The group of the sample at `time` by the data's own group cells (nil without a group column).
    public func group(at time: Int64) -> String? {
        guard let first = groupSpans.first else { return nil }
        var current = first.group
        for span in groupSpans where span.from <= time { current = span.group }
        return current
    }

    public var count: Int { times.count }
    public var latestKB: Double? { rssKB.last }
    public var latestTime: Int64? { times.last }

    /// Sorts by time and keeps the last value of duplicated timestamps; group spans in time order,
    /// a span that repeats the group before it dropped.
    mutating func normalize() {
        if zip(groupSpans, groupSpans.dropFirst()).contains(where: { $0.from > $1.from || $0.group == $1.group }) {
            var spans: [GroupSpan] = []
            for span in groupSpans.enumerated().sorted(by: { ($0.element.from, $0.offset) < ($1.element.from, $1.offset) }).map(\.element)
            where spans.last?.group != span.group {
                spans.append(span)
            }
            groupSpans = spans
        }
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

/// From `from` on (seconds since the epoch), a relay is in `group` ("" = in no group).
public struct GroupSpan: Equatable, Sendable {
    public var from: Int64
    public var group: String

    public init(from: Int64, group: String) { self.from = from; self.group = group }
}
