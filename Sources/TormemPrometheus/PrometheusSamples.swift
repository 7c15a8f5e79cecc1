import TormemCore
import TormemData

/// The samples of the answers, per relay (server and identity, as `RelaySampleBuilder` finds
/// relays), per second, a value per quantity read; then, in a canonical order (servers, relays,
/// times sorted), the `LoadedFile` of unified content a `RelaySampleBuilder` makes of them and the
/// SHA-256 of that order. Left out with a warning each: series without the server label or without
/// nickname and fingerprint, NaN, ±Inf and negative values; a second value of one relay at one
/// second (duplicate series, two samples in a second) is merged: the first kept, with a warning when
/// the two differ (the same value under the current and the former name of a gauge, as when scraped
/// samples overlap backfilled ones, is one sample, not a duplicate to warn about).
/// The collector's host gauges (`PrometheusAggregate`) are the aggregate where they have a total,
/// as a CSV file's aggregate rows are; at other times it is computed from the relays' RSS.
struct PrometheusSamples {
    /// The builder's quantities (the analysed first).
    let metrics: [Metric]
    /// What is queried: RSS first (the aggregate), then the other quantities.
    let read: [Metric]
    let serverLabel: String

    struct Relay {
        var server: String
        var nickname: String
        var fingerprint: String
        var times: [Int64] = []
        /// Per sample, its `group` label as an index into `groupNames`.
        var groups: [Int32] = []
        /// `values[k]`: `read[k]`, aligned with `times` (NaN: none).
        var values: [[Double]]
        /// Whether `times` only grew so far (else `finish()` sorts and merges them).
        var ordered = true
    }

    /// The `group` labels seen, each once (a fleet's 11 million samples hold an index each).
    private(set) var groupNames: [String] = []
    private var groupIndex: [String: Int32] = [:]

    private(set) var relays: [String: Relay] = [:]
    /// The relays' facts from the collector's fact gauges, by the same keys (`PrometheusFacts`).
    var facts: [String: RelayFacts] = [:]
    /// The collector's own aggregate per server and second: running relays, total, mean, min, max (KiB).
    private(set) var aggregates: [String: [Int64: [Double]]] = [:]
    private var aggregateCount = 0
    private(set) var count = 0
    /// The samples held so far (relay and host), however many are merged later.
    private(set) var held = 0
    private var withoutServer = 0
    private var withoutName = 0
    private var unusable = 0
    private var merged = 0

    init(metrics: [Metric], serverLabel: String) {
        self.metrics = metrics
        self.read = [.rss] + metrics.filter { $0 != .rss }
        self.serverLabel = serverLabel
    }

    /// Takes the samples of `series`, a series of `read[metric]`.
    mutating func add(_ series: PrometheusAnswer.Series, metric k: Int) {
        guard let server = series.labels[serverLabel], !server.isEmpty else { withoutServer += 1; return }
        let nickname = series.labels["nickname"] ?? "", fingerprint = series.labels["fingerprint"] ?? ""
        guard !nickname.isEmpty || !fingerprint.isEmpty else { withoutName += 1; return }
        let group = series.labels["group"] ?? ""
        let key = server + "\u{1}" + (fingerprint.isEmpty ? nickname : fingerprint)
        var r = relays[key] ?? Relay(server: server, nickname: nickname, fingerprint: fingerprint,
                                     values: read.map { _ in [] })
        relays[key] = nil   // changed in place, not copied
        if r.nickname.isEmpty { r.nickname = nickname }
        let m = read[k]
        let g = groupID(group)
        for s in series.samples {
            guard s.value.isFinite, s.value >= 0 else { unusable += 1; continue }
            let t = Int64((s.time).rounded(.down))
            // Samples are appended as they come (a series' own are in time order); a relay read in
            // several series, quantities or names is sorted and merged once, by `finish()`.
            if let last = r.times.last, t <= last { r.ordered = false }
            r.times.append(t)
            r.groups.append(g)
            held += 1
            let value = m.storedValue(prometheus: s.value)
            for j in r.values.indices { r.values[j].append(j == k ? value : .nan) }
        }
        relays[key] = r
    }

    private mutating func groupID(_ group: String) -> Int32 {
        if let i = groupIndex[group] { return i }
        let i = Int32(groupNames.count)
        groupNames.append(group)
        groupIndex[group] = i
        return i
    }

    /// The `group` label of sample `i` of `r`.
    func group(_ r: Relay, _ i: Int) -> String { groupNames[Int(r.groups[i])] }

    /// After the last `add`: each relay's samples in time order, one per second. Of two samples of
    /// one quantity at one second the first read is kept (the current name's before the former's);
    /// one with another value counts as merged. `count`: the relay samples with an RSS.
    mutating func finish() {
        count = 0
        for key in Array(relays.keys) {
            var r = relays.removeValue(forKey: key)!
            if !r.ordered { merge(&r) }
            for v in r.values[0] where !v.isNaN { count += 1 }
            relays[key] = r
        }
    }

    private mutating func merge(_ r: inout Relay) {
        let order = r.times.indices.sorted { (r.times[$0], $0) < (r.times[$1], $1) }
        var times: [Int64] = [], groups: [Int32] = [], values = r.values.map { _ in [Double]() }
        times.reserveCapacity(r.times.count)
        for i in order {
            let t = r.times[i]
            if times.last == t {
                let last = times.count - 1
                for j in values.indices {
                    let v = r.values[j][i]
                    guard !v.isNaN else { continue }
                    if values[j][last].isNaN { values[j][last] = v } else if values[j][last] != v { merged += 1 }
                }
                continue
            }
            times.append(t)
            groups.append(r.groups[i])
            for j in values.indices { values[j].append(r.values[j][i]) }
        }
        r.times = times; r.groups = groups; r.values = values; r.ordered = true
    }

    /// Takes the samples of a series of a `PrometheusAggregate` gauge, by its current or former
    /// name (its `__name__` says which).
    mutating func addAggregate(_ series: PrometheusAnswer.Series) {
        guard let name = series.labels["__name__"], let k = PrometheusAggregate(prometheusName: name)?.rawValue else { return }
        guard let server = series.labels[serverLabel], !server.isEmpty else { withoutServer += 1; return }
        var samples = aggregates[server] ?? [:]
        aggregates[server] = nil
        for s in series.samples {
            guard s.value.isFinite, s.value >= 0 else { unusable += 1; continue }
            let t = Int64(s.time.rounded(.down))
            var v = samples[t] ?? [Double](repeating: .nan, count: 5)
            if v.allSatisfy(\.isNaN) { aggregateCount += 1; held += 1 }
            let value = k == 0 ? s.value : s.value / 1024
            if v[k].isNaN { v[k] = value } else if v[k] != value { merged += 1 }
            samples[t] = v
        }
        aggregates[server] = samples
    }

    /// The warnings of what was left out or merged.
    func notes(source: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func note(_ n: Int, _ text: String) {
            if n > 0 { out.append(Diagnostic(file: source, message: "\(NumberFormat.grouped(n)) \(text)")) }
        }
        note(withoutServer, "series without a \(serverLabel) label (--server-label) left out")
        note(withoutName, "series without a nickname or fingerprint label left out")
        note(unusable, "samples that are NaN, infinite or negative left out")
        note(merged, "samples of a relay at a second already read with another value (duplicate series) merged: the first kept")
        return out
    }

    /// The relays' samples built into one unified `LoadedFile` named `path`, and the SHA-256 of the
    /// samples in canonical order.
    func file(path: String) -> (LoadedFile, String) {
        var builder = RelaySampleBuilder(source: path, metrics: metrics)
        var hash = SHA256()
        var words: [UInt64] = []
        var line = 0
        var rows = 0
        let column = metrics.map { m in read.firstIndex(of: m)! }
        // The collector's aggregate where it has its total (as a CSV file's aggregate rows); the
        // builder computes it from the relays' RSS at the other times.
        for server in aggregates.keys.sorted() {
            let slot = builder.server(named: server)
            let samples = aggregates[server]!
            hash.update("aggregate\t\(server)\n")
            for t in samples.keys.sorted() {
                let v = samples[t]!
                PrometheusSamples.hash(&hash, &words, t, v.count) { v[$0] }
                guard !v[1].isNaN else { continue }
                line += 1
                rows += 1
                let relays = v[0].isNaN ? -1 : Int(v[0])
                let avg = v[2].isNaN && relays > 0 ? v[1] / Double(relays) : v[2]
                builder.addAggregate(server: slot, AggregateSample(time: t, relays: relays, totalKB: v[1], avgKB: avg,
                                                                   minKB: v[3], maxKB: v[4]), line: line)
            }
        }
        for key in relays.keys.sorted() {
            let r = relays[key]!
            let server = builder.server(named: r.server)
            let id = r.fingerprint.isEmpty ? r.nickname : r.fingerprint
            hash.update("relay\t\(r.server)\t\(r.nickname)\t\(r.fingerprint)\n")
            var currentGroup: String?
            var currentHashedGroup: String?
            var slot = -1
            for i in r.times.indices.sorted(by: { r.times[$0] < r.times[$1] }) {
                line += 1
                let t = r.times[i], rss = r.values[0][i]
                if group(r, i) != currentHashedGroup {
                    hash.update("group\t\(group(r, i))\n")
                    currentHashedGroup = group(r, i)
                }
                PrometheusSamples.hash(&hash, &words, t, r.values.count) { r.values[$0][i] }
                guard !rss.isNaN else { continue }    // a relay row always has its RSS
                let values = column.map { r.values[$0][i] }
                rows += 1
                // As a CSV row without the analysed quantity: its RSS in the aggregate, no relay sample.
                if values[0].isNaN {
                    builder.addWithoutValue(server: server, time: t, rssKB: rss, line: line)
                    continue
                }
                if slot < 0 {
                    slot = builder.relay(server: server, id: id, nickname: r.nickname, fingerprint: r.fingerprint,
                                         group: group(r, i), line: line)
                }
                if currentGroup != group(r, i) {
                    builder.addGroupSpan(relay: slot, GroupSpan(from: t, group: group(r, i)))
                    currentGroup = group(r, i)
                }
                builder.add(relay: slot, server: server, time: t, rssKB: rss, values: values, line: line, group: group(r, i))
            }
            if let f = facts[key] {
                PrometheusSamples.hash(&hash, f)
                if slot >= 0 { builder.updateFacts(relay: slot) { $0.merge(f) } }
            }
        }
        let (servers, table, notes) = builder.finish()
        return (LoadedFile(path: path, content: .unified(servers, relays: table), rows: rows, warnings: notes),
                hash.hexDigest())
    }

    /// A relay's facts into the fingerprint, every reading in order.
    static func hash(_ hash: inout SHA256, _ f: RelayFacts) {
        var text = "facts\n"
        for r in f.starts { text += "s\t\(r.time)\t\(r.value)\n" }
        for r in f.allocators { text += "a\t\(r.time)\t\(r.value)\n" }
        for r in f.bandwidth { text += "b\t\(r.time)\t\(r.value.readPerDay.bitPattern)\t\(r.value.writtenPerDay.bitPattern)\n" }
        for r in f.flags { text += "f\t\(r.time)\t\(r.value)\n" }
        for r in f.weights { text += "w\t\(r.time)\t\(r.value.bitPattern)\n" }
        hash.update(text)
    }

    /// A sample into the fingerprint: its time and values as their bits (formatting 11 million
    /// samples as text would cost seconds).
    static func hash(_ hash: inout SHA256, _ words: inout [UInt64], _ time: Int64, _ count: Int, _ value: (Int) -> Double) {
        words.removeAll(keepingCapacity: true)
        words.append(UInt64(bitPattern: time))
        for k in 0..<count { words.append(value(k).bitPattern) }
        words.withUnsafeBytes { hash.update(UnsafeBufferPointer(start: $0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: $0.count)) }
    }
}
