import TormemCore

/// Turns a stream of relay and aggregate samples from any source (a CSV reader, a Prometheus
/// query) into per-relay series and per-server aggregate series, with what the source cannot see
/// sample by sample:
/// - a relay is found by server and identity (fingerprint, else nickname);
/// - two samples of one identity at one time are two relays: the second becomes `name#2` (a relay
///   of its own), and one warning names both lines (`duplicateNotes`);
/// - a time with relay samples but no aggregate sample gets an aggregate computed from the relays'
///   RSS (sum, mean, min, max, count).
/// A source asks for `metrics` (the first analysed); each relay sample brings their values.
/// Identity across files and servers (renamed hosts, rows without fingerprints) is `RelayIdentity`'s.
public struct RelaySampleBuilder: Sendable {
    /// What the notes name (the file, or the source).
    public let source: String
    /// The quantities every relay series holds, the analysed one first.
    public let metrics: [Metric]

    /// Per-relay series, found by "server \u{1} id"; slots are handed to the source.
    private(set) var relays: [RelaySeries] = []
    private var relayIndex: [String: Int] = [:]
    /// The line of each relay slot's latest sample (to name both rows of a duplicate).
    private var relayLines: [Int] = []
    /// Relays read twice in one collection, by the key of the first and the second.
    private var duplicates: [String: DuplicateRelay] = [:]
    private var serverIndex: [String: Int] = [:]
    private var serverStates: [ServerState] = []
    private var reservePerRelay = 0
    /// Relay samples without a value of the analysed quantity: counted in the aggregate only.
    private var withoutValue = 0

    public init(source: String, metrics: [Metric] = [.rss]) {
        precondition(!metrics.isEmpty, "at least one quantity")
        self.source = source; self.metrics = metrics
    }

    /// Relay series so far (slots `0..<relayCount`).
    public var relayCount: Int { relays.count }

    /// The name of server slot `slot`.
    public func serverName(_ slot: Int) -> String { serverStates[slot].builder.server }

    /// The slot of server `name` (created on first sight).
    public mutating func server(named name: String) -> Int {
        if let i = serverIndex[name] { return i }
        let i = serverStates.count
        serverIndex[name] = i
        serverStates.append(ServerState(builder: SeriesBuilder(server: name)))
        return i
    }

    /// The slot of a relay (created on first sight): `id` is its fingerprint, else nickname. An
    /// empty nickname or group of a known relay is filled in from a later sample.
    public mutating func relay(server: Int, id: String, nickname: String, fingerprint: String, group: String,
                               line: Int) -> Int {
        let key = serverStates[server].builder.server + "\u{1}" + id
        if let slot = relayIndex[key] {
            if relays[slot].info.nickname.isEmpty, !nickname.isEmpty { relays[slot].info.nickname = nickname }
            if relays[slot].info.group.isEmpty, !group.isEmpty { relays[slot].info.group = group }
            return slot
        }
        let slot = relays.count
        relayIndex[key] = slot
        relayLines.append(line)
        var series = RelaySeries(info: RelayInfo(nickname: nickname, fingerprint: fingerprint, group: group,
                                                 server: serverStates[server].builder.server), metrics: metrics)
        if reservePerRelay > 0 { series.reserveCapacity(reservePerRelay) }
        relays.append(series)
        return slot
    }

    /// Sizes every relay's arrays for about `n` samples (a reader that knows how much is coming:
    /// appending alone leaves up to twice the memory).
    public mutating func reserve(samplesPerRelay n: Int) {
        reservePerRelay = n
        for i in relays.indices { relays[i].reserveCapacity(n) }
    }

    /// Adds a sample of relay `slot` at `time`: `rssKB` counts into the server's computed aggregate;
    /// `values` are the `metrics` (one value per metric, NaN when not read). Returns the slot the
    /// sample went to: another relay's (`name#2`, in `group`) when `slot` already has a sample at `time`.
    @discardableResult
    public mutating func add(relay slot: Int, server: Int, time: Int64, rssKB: Double, values: [Double], line: Int,
                             group: @autoclosure () -> String = "") -> Int {
        let slot = sampleSlot(slot, server: server, time: time, rssKB: rssKB, line: line, group: group)
        relays[slot].append(time: time, values: values)
        return slot
    }

    /// `add` for a builder of one quantity (`metrics.count == 1`): no array per sample.
    @discardableResult
    public mutating func add(relay slot: Int, server: Int, time: Int64, rssKB: Double, value: Double, line: Int,
                             group: @autoclosure () -> String = "") -> Int {
        let slot = sampleSlot(slot, server: server, time: time, rssKB: rssKB, line: line, group: group)
        relays[slot].append(time: time, value: value)
        return slot
    }

    @inline(__always)
    private mutating func sampleSlot(_ slot: Int, server: Int, time: Int64, rssKB: Double, line: Int,
                                     group: () -> String) -> Int {
        serverStates[server].addRelay(time: time, rss: rssKB, line: line)
        var slot = slot
        if relays[slot].times.last == time { slot = duplicateSlot(of: slot, time: time, line: line, group: group()) }
        relayLines[slot] = line
        return slot
    }

    /// Whether relay `slot` has a group span yet.
    /// Changes the facts of relay `slot` in place.
    public mutating func updateFacts(relay slot: Int, _ body: (inout RelayFacts) -> Void) {
        body(&relays[slot].facts)
    }

    public func hasGroupSpans(_ slot: Int) -> Bool { !relays[slot].groupSpans.isEmpty }

    /// A relay sample without a value of the analysed quantity (an empty `hwm_kb` cell under
    /// `--metric hwm`): its RSS counts into the server's computed aggregate, it adds no sample.
    public mutating func addWithoutValue(server: Int, time: Int64, rssKB: Double, line: Int) {
        serverStates[server].addRelay(time: time, rss: rssKB, line: line)
        withoutValue += 1
    }

    /// Adds a group span to relay `slot` (its group from `span.from` on).
    public mutating func addGroupSpan(relay slot: Int, _ span: GroupSpan) {
        relays[slot].groupSpans.append(span)
    }

    /// Adds an aggregate sample of server slot `server` (the source's own, not computed).
    public mutating func addAggregate(server: Int, _ sample: AggregateSample, line: Int) {
        serverStates[server].aggregateTimes.insert(sample.time)
        serverStates[server].builder.add(sample, line: line)
    }

    /// The slot for the second (third …) sample of one identity at one time: a relay of its own,
    /// `name#2`, remembered for the warning.
    private mutating func duplicateSlot(of first: Int, time t: Int64, line: Int, group: String) -> Int {
        let info = relays[first].info
        let baseKey = info.server + "\u{1}" + info.id
        var k = 2
        while true {
            let key = baseKey + "#\(k)"
            if let found = relayIndex[key] {
                if relays[found].times.last != t { return noteDuplicate(first: first, second: found, baseKey: baseKey, time: t) }
            } else {
                let slot = relays.count
                relayIndex[key] = slot
                var copy = RelayInfo(nickname: info.nickname.isEmpty ? "" : info.nickname + "#\(k)",
                                     fingerprint: info.fingerprint.isEmpty ? "" : info.fingerprint + "#\(k)",
                                     group: group, server: info.server)
                if copy.nickname.isEmpty && copy.fingerprint.isEmpty { copy.nickname = "#\(k)" }
                relays.append(RelaySeries(info: copy, metrics: metrics))
                relayLines.append(line)
                return noteDuplicate(first: first, second: slot, baseKey: baseKey, time: t)
            }
            k += 1
        }
    }

    private mutating func noteDuplicate(first: Int, second: Int, baseKey: String, time t: Int64) -> Int {
        let key = baseKey + "\u{1}" + relays[second].info.id
        if duplicates[key] == nil {
            duplicates[key] = DuplicateRelay(name: relays[first].info.displayName, secondName: relays[second].info.displayName,
                                             server: relays[first].info.server, time: t,
                                             lines: (relayLines[first], relayLines[second]), collections: 0)
        }
        duplicates[key]!.collections += 1
        return second
    }

    /// One warning per relay identity read twice at one time, naming both lines.
    public func duplicateNotes() -> [Diagnostic] {
        duplicates.values.sorted { $0.lines.0 < $1.lines.0 }.map { d in
            let what = d.name.count == 40 && d.name.allSatisfy(\.isHexDigit) ? "fingerprint" : "nickname"
            return Diagnostic(file: source, line: d.lines.0, message:
                "lines \(d.lines.0) and \(d.lines.1): two relays with the \(what) \(d.name) in one collection (\(Timestamp(seconds: d.time)), server \(d.server)); "
                + "the second is counted as \(d.secondName)" + (d.collections > 1 ? " (in \(d.collections) collections)" : ""))
        }
    }

    /// Per server: the aggregate samples, and for times without one the sum of the relays' RSS; the
    /// relay series (sorted, copied to their exact size one by one); and the notes (out-of-order and
    /// duplicated aggregate times, relays read twice). Consumes the relay series.
    public mutating func finish() -> (servers: [AggregateSeries], relays: RelayTable, notes: [Diagnostic]) {
        let (servers, notes) = aggregateSeries()
        var out: [RelaySeries] = []
        out.reserveCapacity(relays.count)
        for i in relays.indices {
            var r = relays[i]
            relays[i] = RelaySeries(info: r.info, metrics: metrics)
            r.normalize()
            r.compact()
            out.append(r)
        }
        var missing: [Diagnostic] = []
        if withoutValue > 0 {
            let m = metrics[0]
            missing.append(Diagnostic(file: source, message: "\(NumberFormat.grouped(withoutValue)) relay sample\(withoutValue == 1 ? " has" : "s have") no \(m.column) value: "
                + (out.isEmpty ? "no relay has one, so there are no per-relay charts of \(m.name)" : "left out of the per-relay charts of \(m.name)")
                + " (the totals still count their RSS)"))
        }
        return (servers, RelayTable(relays: out.filter { !$0.times.isEmpty }), notes + duplicateNotes() + missing)
    }

    private func aggregateSeries() -> ([AggregateSeries], [Diagnostic]) {
        var out: [AggregateSeries] = []
        var notes: [Diagnostic] = []
        for name in serverIndex.keys.sorted() {
            var state = serverStates[serverIndex[name]!]
            for (k, t) in state.relayTimes.enumerated() where !state.aggregateTimes.contains(t) {
                let r = state.relaySums[k]
                state.builder.add(AggregateSample(time: t, relays: r.count, totalKB: r.sum,
                                                  avgKB: r.sum / Double(r.count), minKB: r.min, maxKB: r.max),
                                  line: state.relayLines[k], checkOrder: false)
            }
            let (series, n) = state.builder.build(file: source)
            if !series.isEmpty { out.append(series) }
            notes += n
        }
        return (out, notes)
    }

    /// Takes in what the builder of the part of the input after this one built (its line numbers
    /// shifted by `lineOffset`): servers, relay samples (each part's series freed as it merges) and
    /// the relays it found read twice.
    public mutating func absorb(_ other: inout RelaySampleBuilder, lineOffset: Int) {
        for state in other.serverStates {
            let name = state.builder.server
            if let i = serverIndex[name] {
                serverStates[i].absorb(state, lineOffset: lineOffset)
            } else {
                var moved = state
                moved.relayLines = moved.relayLines.map { $0 + lineOffset }
                serverIndex[name] = serverStates.count
                serverStates.append(moved)
            }
        }
        for (key, slot) in other.relayIndex.sorted(by: { $0.value < $1.value }) {
            let r = other.relays[slot]
            other.relays[slot] = RelaySeries(info: r.info, metrics: other.metrics)   // free each part as soon as it is merged
            if let mine = relayIndex[key] {
                relays[mine].append(contentsOf: r)
                if relays[mine].info.nickname.isEmpty { relays[mine].info.nickname = r.info.nickname }
                if relays[mine].info.group.isEmpty { relays[mine].info.group = r.info.group }
                relayLines[mine] = other.relayLines[slot] + lineOffset
            } else {
                relayIndex[key] = relays.count
                relays.append(r)
                relayLines.append(other.relayLines[slot] + lineOffset)
            }
        }
        withoutValue += other.withoutValue
        for (key, d) in other.duplicates {
            var shifted = d
            shifted.lines = (d.lines.0 + lineOffset, d.lines.1 + lineOffset)
            if var mine = duplicates[key] {
                mine.collections += d.collections
                duplicates[key] = mine
            } else {
                duplicates[key] = shifted
            }
        }
    }
}

extension RelaySampleBuilder {
    /// Two samples of one relay identity at one time (the same nickname without fingerprints): they
    /// are two relays, the second named `name#2`.
    struct DuplicateRelay: Sendable {
        var name: String
        var secondName: String
        var server: String
        var time: Int64
        var lines: (Int, Int)
        var collections: Int
    }

    /// Relay samples summed per time.
    struct RelaySum: Sendable { var count = 0; var sum = 0.0; var min = Double.infinity; var max = 0.0 }

    struct ServerState: Sendable {
        var builder: SeriesBuilder
        var aggregateTimes = Set<Int64>()
        var relayIndex: [Int64: Int] = [:]
        var relayTimes: [Int64] = []
        var relayLines: [Int] = []
        var relaySums: [RelaySum] = []
        var lastRelayTime = Int64.min
        var lastRelaySlot = -1

        mutating func addRelay(time t: Int64, rss: Double, line: Int) {
            let slot: Int
            if t == lastRelayTime {
                slot = lastRelaySlot
            } else if let s = relayIndex[t] {
                slot = s
            } else {
                slot = relayTimes.count
                relayIndex[t] = slot
                relayTimes.append(t)
                relayLines.append(line)
                relaySums.append(RelaySum())
            }
            lastRelayTime = t
            lastRelaySlot = slot
            relaySums[slot].count += 1
            relaySums[slot].sum += rss
            relaySums[slot].min = Swift.min(relaySums[slot].min, rss)
            relaySums[slot].max = Swift.max(relaySums[slot].max, rss)
        }

        mutating func absorb(_ other: ServerState, lineOffset: Int) {
            builder.absorb(other.builder, lineOffset: lineOffset)
            aggregateTimes.formUnion(other.aggregateTimes)
            for (k, t) in other.relayTimes.enumerated() {
                let o = other.relaySums[k]
                if let slot = relayIndex[t] {
                    relaySums[slot].count += o.count
                    relaySums[slot].sum += o.sum
                    relaySums[slot].min = Swift.min(relaySums[slot].min, o.min)
                    relaySums[slot].max = Swift.max(relaySums[slot].max, o.max)
                } else {
                    relayIndex[t] = relayTimes.count
                    relayTimes.append(t)
                    relayLines.append(other.relayLines[k] + lineOffset)
                    relaySums.append(o)
                }
            }
            lastRelayTime = Int64.min
            lastRelaySlot = -1
        }
    }
}
