import TormemCore

/// One relay's quantities over time, sorted by time; missing samples are simply absent. A relay has
/// the quantities its source read (`metrics`), each a column aligned with `times` (NaN: not read at
/// that time); the first is the one analysed (`values`, `--metric`). This type alone keeps the
/// columns in step with the times: append, slice, merge and normalize go through it.
public struct RelaySeries: Equatable, Sendable {
    public var info: RelayInfo
    public private(set) var times: [Int64] = []
    /// The quantities held, the analysed one first.
    public private(set) var metrics: [Metric]
    /// `columns[k]` holds `metrics[k]` (stored units: KiB for memory), aligned with `times`.
    private var columns: [[Double]]
    /// The relay's group over time, from a data file's `group` column: from each span's time on, the
    /// relay is in that span's group (empty: in no group). Empty when the file has no group column.
    public var groupSpans: [GroupSpan] = []
    /// Start times, allocator, bandwidth, flags and weight as read (whole: a slice keeps them all).
    public var facts = RelayFacts()

    /// An empty series holding `metrics` (the first analysed).
    public init(info: RelayInfo, metrics: [Metric] = [.rss]) {
        precondition(!metrics.isEmpty, "a relay series holds at least one quantity")
        self.info = info; self.metrics = metrics
        columns = metrics.map { _ in [] }
    }

    /// A series of one quantity (`values` in stored units, as many as `times`).
    public init(info: RelayInfo, times: [Int64], values: [Double], metric: Metric = .rss, groupSpans: [GroupSpan] = []) {
        precondition(times.count == values.count, "as many values as times")
        self.info = info; self.times = times; self.metrics = [metric]; self.columns = [values]; self.groupSpans = groupSpans
    }

    /// The analysed quantity.
    public var metric: Metric { metrics[0] }
    /// The analysed quantity's values (stored units), aligned with `times`.
    public var values: [Double] { columns[0] }

    /// The values of `m`, when the series holds it.
    public func values(of m: Metric) -> [Double]? { metrics.firstIndex(of: m).map { columns[$0] } }

    /// The group of the sample at `time` by the data's own group cells (nil without a group column).
    public func group(at time: Int64) -> String? {
        guard let first = groupSpans.first else { return nil }
        var current = first.group
        for span in groupSpans where span.from <= time { current = span.group }
        return current
    }

    public var count: Int { times.count }
    /// The latest value of the analysed quantity (stored units).
    public var latestValue: Double? { columns[0].last }
    public var latestTime: Int64? { times.last }

    // MARK: Building

    /// Appends a sample of the analysed quantity only (a series of one quantity).
    @inline(__always)
    public mutating func append(time: Int64, value: Double) {
        times.append(time)
        columns[0].append(value)
    }

    /// Appends a sample: `values[k]` is `metrics[k]`'s value (NaN when not read).
    public mutating func append(time: Int64, values: [Double]) {
        precondition(values.count == columns.count, "one value per quantity")
        times.append(time)
        for k in columns.indices { columns[k].append(values[k]) }
    }

    /// Room for `n` samples in every column.
    public mutating func reserveCapacity(_ n: Int) {
        times.reserveCapacity(n)
        for k in columns.indices { columns[k].reserveCapacity(n) }
    }

    /// The samples of `range` (same info, metrics and group spans).
    public func slice(_ range: Range<Int>) -> RelaySeries {
        guard range != times.indices else { return self }
        var out = self
        out.times = Array(times[range])
        out.columns = columns.map { Array($0[range]) }
        return out
    }

    /// The samples of the given runs of indices, in order (same info, metrics and group spans).
    public func keeping(runs: [Range<Int>]) -> RelaySeries {
        if runs.count == 1, runs[0] == times.indices { return self }
        let kept = runs.reduce(0) { $0 + $1.count }
        var out = self
        out.times = []; out.times.reserveCapacity(kept)
        for run in runs { out.times += times[run] }
        out.columns = columns.map { c in
            var v: [Double] = []
            v.reserveCapacity(kept)
            for run in runs { v += c[run] }
            return v
        }
        return out
    }

    /// Appends `other`'s samples and group spans as they are (the caller normalizes when their times
    /// may interleave). Quantities are matched by metric; one the other lacks is NaN there.
    public mutating func append(contentsOf other: RelaySeries) {
        if other.metrics == metrics {
            if times.capacity < times.count + other.count {
                // Grow once, to the exact size: appending alone may leave twice the memory.
                reserveCapacity(times.count + other.count)
            }
            times += other.times
            for k in columns.indices { columns[k] += other.columns[k] }
        } else {
            let n = other.count
            times += other.times
            for k in columns.indices {
                columns[k] += other.values(of: metrics[k]) ?? [Double](repeating: .nan, count: n)
            }
        }
        groupSpans += other.groupSpans
        facts.merge(other.facts)
    }

    /// Merges `other`'s samples (the same relay read elsewhere): sorted, a duplicated time keeps the
    /// later value.
    public mutating func merge(_ other: RelaySeries) {
        append(contentsOf: other)
        normalize()
    }

    /// The series with `m` as the analysed quantity and only the samples that have it; nil when it
    /// holds no such quantity or no sample of it.
    public func selecting(_ m: Metric) -> RelaySeries? {
        guard let k = metrics.firstIndex(of: m) else { return nil }
        var out = self
        if k != 0 {
            out.metrics.swapAt(0, k)
            out.columns.swapAt(0, k)
        }
        if out.columns[0].contains(where: \.isNaN) {
            var runs: [Range<Int>] = []
            var start = -1
            for (i, v) in out.columns[0].enumerated() {
                if v.isNaN {
                    if start >= 0 { runs.append(start..<i); start = -1 }
                } else if start < 0 {
                    start = i
                }
            }
            if start >= 0 { runs.append(start..<out.count) }
            out = out.keeping(runs: runs)
        }
        return out.times.isEmpty ? nil : out
    }

    /// Copies every array to its exact size when appending left much more capacity than it uses.
    public mutating func compact() {
        guard times.capacity > times.count + times.count / 8 + 16 else { return }
        times = times.withUnsafeBufferPointer { Array($0) }
        for k in columns.indices { columns[k] = columns[k].withUnsafeBufferPointer { Array($0) } }
    }

    /// Sorts by time and keeps the last value of duplicated timestamps; group spans in time order,
    /// a span that repeats the group before it dropped.
    public mutating func normalize() {
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
        var t: [Int64] = []
        var c = columns.map { _ in [Double]() }
        t.reserveCapacity(order.count)
        for k in c.indices { c[k].reserveCapacity(order.count) }
        for i in order {
            if let last = t.last, last == times[i] {
                for k in c.indices { c[k][c[k].count - 1] = columns[k][i] }
            } else {
                t.append(times[i])
                for k in c.indices { c[k].append(columns[k][i]) }
            }
        }
        times = t; columns = c
    }
}

/// From `from` on (seconds since the epoch), a relay is in `group` ("" = in no group).
public struct GroupSpan: Equatable, Sendable {
    public var from: Int64
    public var group: String

    public init(from: Int64, group: String) { self.from = from; self.group = group }
}
