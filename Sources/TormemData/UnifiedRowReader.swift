import TormemCSV
import TormemCore

/// Reads rows of the unified format. Aggregate rows are taken as they are; for timestamps that have
/// relay rows but no aggregate row, the aggregate is computed from the relay rows.
struct UnifiedRowReader: RowReader {
    let file: String
    let header: HeaderMap
    let defaultServer: String
    private let timestamp, server, type, rss, count, total, avg, min, max: Int?
    private let fingerprint, nickname, group: Int?
    private var servers: [String: ServerState] = [:]
    /// Per-relay series, found by "server \u{1} id".
    var relayIndex: [String: Int] = [:]
    var relays: [RelaySeries] = []
    /// Identity bytes (server, 0x01, fingerprint or nickname) of each relay slot, and the slot that
    /// followed each slot last time: relays come in the same order at every timestamp, so the next
    /// slot is almost always predicted without building a String or hashing.
    private var relayIds: [[UInt8]] = []
    private var relayServers: [Int] = []
    private var nextSlot: [Int] = []
    private var lastSlot = -1
    /// The line of each relay slot's latest row (to name both rows of a duplicate).
    private var relayLines: [Int] = []
    /// The bytes of each relay slot's current group cell.
    private var relayGroupBytes: [[UInt8]] = []
    /// Relays read twice in one collection, by the key of the first: its lines the first time, the
    /// name the second got, and in how many collections it happened.
    var duplicates: [String: DuplicateRelay] = [:]
    /// The server slot of the last row, and the bytes of its name.
    var serverIndex: [String: Int] = [:]
    var serverStates: [ServerState] = []
    private var lastServerBytes: [UInt8] = []
    private var lastServerSlot = -1
    /// The bytes this reader will see ([start, end) of the file), to size the relay arrays once the
    /// first collection (timestamp) has been read: appending alone leaves up to twice the memory.
    var partRange: Range<Int>?
    private var firstBlockEnd: Int?
    private var rowOffset = 0
    private var reservePerRelay = 0
    /// The last timestamp's bytes and value (every relay row of a collection repeats it).
    private var lastTimeBytes: [UInt8] = []
    private var lastTime: Int64 = 0

    /// Two rows of one relay identity in one collection (the same nickname without fingerprints):
    /// they are two relays, the second named `name#2`.
    struct DuplicateRelay {
        var name: String
        var secondName: String
        var server: String
        var time: Int64
        var lines: (Int, Int)
        var collections: Int
    }

    /// Relay rows summed per timestamp.
    struct RelaySum { var count = 0; var sum = 0.0; var min = Double.infinity; var max = 0.0 }

    struct ServerState {
        var builder: SeriesBuilder
        var aggregateTimes = Set<Int64>()
        var relayIndex: [Int64: Int] = [:]
        var relayTimes: [Int64] = []
        var relayLines: [Int] = []
        var relaySums: [RelaySum] = []
        var lastRelayTime = Int64.min
        var lastRelaySlot = -1
    }

    init(file: String, header: HeaderMap, defaultServer: String? = nil, partRange: Range<Int>? = nil) {
        self.file = file
        self.header = header
        self.defaultServer = defaultServer ?? serverName(fromPath: file)
        self.partRange = partRange
        timestamp = header["timestamp"]; server = header["server"]; type = header["type"]
        rss = header["rss_kb"]; count = header["count"]; total = header["total_kb"]
        avg = header["avg_kb"]; min = header["min_kb"]; max = header["max_kb"]
        fingerprint = header["fingerprint"]; nickname = header["nickname"]; group = header["group"]
    }

    mutating func read(_ row: CSVRow) -> Diagnostic? {
        rowOffset = row.byteOffset
        guard let ti = timestamp, let t = cachedTime(row[ti]) else {
            return problem(row, "timestamp", "expected an ISO 8601 time like 2025-12-25T02:00:00, found \(quoted(row.text(at: timestamp)))")
        }
        guard let ty = type else { return problem(row, "type", "missing") }
        let isRelay = row[ty].equals("relay")
        let isAggregate = !isRelay && row[ty].equals("aggregate")
        if !isRelay && !isAggregate {
            let s = normalizeColumn(row[ty].string)
            guard s == "relay" || s == "aggregate" else {
                return problem(row, "type", "expected \"aggregate\" or \"relay\", found \(quoted(row[ty].string))")
            }
            return readKind(row, time: t, relay: s == "relay")
        }
        return readKind(row, time: t, relay: isRelay)
    }

    private func problem(_ row: CSVRow, _ column: String?, _ message: String) -> Diagnostic {
        Diagnostic(file: file, line: row.line, column: column, message: message)
    }

    private mutating func readKind(_ row: CSVRow, time t: Int64, relay: Bool) -> Diagnostic? {
        if relay {
            let cell = row.number(at: rss)
            if let c = cell.complaint(expected: "a non-negative number of KiB") { return problem(row, "rss_kb", c) }
            guard let value = cell.number else { return nil }  // a relay that was not running: no sample
            let fpEmpty = fingerprint.map { $0 >= row.count || row[$0].isEmpty } ?? true
            let nickEmpty = nickname.map { $0 >= row.count || row[$0].isEmpty } ?? true
            if fpEmpty && nickEmpty {
                return problem(row, "nickname", "expected a nickname or fingerprint for a relay row, found none")
            }
            let sv = serverSlot(row)
            serverStates[sv].addRelay(time: t, rss: value, line: row.line)
            var slot = relaySlot(row, server: sv, idColumn: fpEmpty ? nickname! : fingerprint!)
            if relays[slot].times.last == t { slot = duplicateSlot(of: slot, row: row, time: t) }
            relays[slot].times.append(t)
            relays[slot].rssKB.append(value)
            relayLines[slot] = row.line
            if let g = group { noteGroup(row, column: g, slot: slot, time: t) }
            return nil
        }
        var v = [Double](repeating: .nan, count: 4)
        for (k, (col, name)) in [(total, "total_kb"), (avg, "avg_kb"), (min, "min_kb"), (max, "max_kb")].enumerated() {
            let cell = row.number(at: col)
            if let c = cell.complaint(expected: "a non-negative number of KiB") { return problem(row, name, c) }
            v[k] = cell.number ?? .nan
        }
        let countCell = row.integer(at: count)
        if let c = countCell.complaint(expected: "a whole number of relays") { return problem(row, "count", c) }
        let relays = countCell.number.map { Int($0) } ?? -1
        if v[0].isNaN, !v[1].isNaN, relays >= 0 { v[0] = v[1] * Double(relays) }
        if v[1].isNaN, !v[0].isNaN, relays > 0 { v[1] = v[0] / Double(relays) }
        guard !v[0].isNaN else {
            return problem(row, "total_kb", "expected the total memory of an aggregate row, found none")
        }
        serverStates[serverSlot(row)].addAggregate(
            AggregateSample(time: t, relays: relays, totalKB: v[0], avgKB: v[1], minKB: v[2], maxKB: v[3]),
            line: row.line)
        return nil
    }

    /// The parsed timestamp of a field, reusing the last one when the bytes repeat.
    private mutating func cachedTime(_ f: CSVField) -> Int64? {
        if f.equals(bytes: lastTimeBytes) { return lastTime }
        guard let t = f.withBytes(TimestampParser.timestamp)?.seconds else { return nil }
        if firstBlockEnd == nil, !lastTimeBytes.isEmpty, let range = partRange { sizeRelayArrays(blockEnd: rowOffset, range: range) }
        lastTimeBytes = f.withBytes { Array($0) }
        lastTime = t
        return t
    }

    /// The index of the row's server in `serverStates` (created on first sight).
    private mutating func serverSlot(_ row: CSVRow) -> Int {
        let field: CSVField? = server.flatMap { $0 < row.count && !row[$0].isEmpty ? row[$0] : nil }
        if lastServerSlot >= 0 {
            let same = field.map { $0.equals(bytes: lastServerBytes) } ?? lastServerBytes.isEmpty
            if same { return lastServerSlot }
        }
        let name = field?.string ?? defaultServer
        lastServerBytes = field.map { f in f.withBytes { Array($0) } } ?? []
        if let i = serverIndex[name] {
            lastServerSlot = i
        } else {
            lastServerSlot = serverStates.count
            serverIndex[name] = lastServerSlot
            serverStates.append(ServerState(builder: SeriesBuilder(server: name)))
        }
        return lastServerSlot
    }

    /// After the first collection: every relay will get about (part size / first collection's size)
    /// samples; reserve that (plus 3%) so the arrays are allocated once.
    private mutating func sizeRelayArrays(blockEnd: Int, range: Range<Int>) {
        firstBlockEnd = blockEnd
        let blockBytes = blockEnd - range.lowerBound
        guard blockBytes > 0 else { return }
        reservePerRelay = Int(Double(range.count) / Double(blockBytes) * 1.03) + 8
        guard reservePerRelay < 50_000_000 else { reservePerRelay = 0; return }
        for i in relays.indices {
            relays[i].times.reserveCapacity(reservePerRelay)
            relays[i].rssKB.reserveCapacity(reservePerRelay)
        }
    }

    /// The relay slot of a relay row: predicted from the previous row, else looked up, else new.
    private mutating func relaySlot(_ row: CSVRow, server sv: Int, idColumn: Int) -> Int {
        let idField = row[idColumn]
        if lastSlot >= 0 {
            let n = nextSlot[lastSlot]
            if n >= 0, relayServers[n] == sv, idField.equals(bytes: relayIds[n]) {
                lastSlot = n
                return n
            }
        }
        let key = serverStates[sv].builder.server + "\u{1}" + idField.string
        let slot: Int
        if let found = relayIndex[key] {
            slot = found
        } else {
            slot = relays.count
            relayIndex[key] = slot
            relayIds.append(idField.withBytes { Array($0) })
            relayServers.append(sv)
            nextSlot.append(-1)
            relayLines.append(row.line)
            relayGroupBytes.append([])
            var series = RelaySeries(info: RelayInfo(nickname: row.text(at: nickname), fingerprint: row.text(at: fingerprint),
                                                     group: row.text(at: group), server: serverStates[sv].builder.server))
            if reservePerRelay > 0 { series.times.reserveCapacity(reservePerRelay); series.rssKB.reserveCapacity(reservePerRelay) }
            relays.append(series)
        }
        if relays[slot].info.nickname.isEmpty, let n = nickname, n < row.count, !row[n].isEmpty { relays[slot].info.nickname = row[n].string }
        if relays[slot].info.group.isEmpty, let g = group, g < row.count, !row[g].isEmpty { relays[slot].info.group = row[g].string }
        if lastSlot >= 0 { nextSlot[lastSlot] = slot }
        lastSlot = slot
        return slot
    }

    /// The slot for the second (third …) row of one identity in one collection: a relay of its own,
    /// `name#2`, remembered for the warning.
    private mutating func duplicateSlot(of first: Int, row: CSVRow, time t: Int64) -> Int {
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
                                     group: row.text(at: group), server: info.server)
                if copy.nickname.isEmpty && copy.fingerprint.isEmpty { copy.nickname = "#\(k)" }
                relays.append(RelaySeries(info: copy))
                relayIds.append(relayIds[first])
                relayServers.append(relayServers[first])
                nextSlot.append(-1)
                relayLines.append(row.line)
                relayGroupBytes.append([])
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
                                             lines: (relayLines[first], relayLines.indices.contains(second) ? relayLines[second] : 0),
                                             collections: 0)
        }
        duplicates[key]!.collections += 1
        lastSlot = second
        return second
    }

    /// Records the row's group cell: a new span when it differs from the relay's current group.
    private mutating func noteGroup(_ row: CSVRow, column g: Int, slot: Int, time t: Int64) {
        let field = row[g]
        if !relays[slot].groupSpans.isEmpty, field.equals(bytes: relayGroupBytes[slot]) { return }
        relays[slot].groupSpans.append(GroupSpan(from: t, group: field.string))
        relayGroupBytes[slot] = field.withBytes { Array($0) }
    }

    /// One warning per relay identity read twice in a collection, naming both lines.
    func duplicateNotes() -> [Diagnostic] {
        duplicates.values.sorted { $0.lines.0 < $1.lines.0 }.map { d in
            let what = d.name.count == 40 && d.name.allSatisfy(\.isHexDigit) ? "fingerprint" : "nickname"
            return Diagnostic(file: file, line: d.lines.0, message:
                "lines \(d.lines.0) and \(d.lines.1): two relays with the \(what) \(d.name) in one collection (\(Timestamp(seconds: d.time)), server \(d.server)); "
                + "the second is counted as \(d.secondName)" + (d.collections > 1 ? " (in \(d.collections) collections)" : ""))
        }
    }

    /// The per-relay series read so far.
    /// Consumes the reader's relay arrays: each is sorted if needed and copied to its exact size
    /// (appending leaves up to twice the capacity needed), one relay at a time.
    mutating func relayTable() -> RelayTable {
        var out: [RelaySeries] = []
        out.reserveCapacity(relays.count)
        for i in relays.indices {
            var r = relays[i]
            relays[i] = RelaySeries(info: r.info)
            r.normalize()
            if r.times.capacity > r.times.count + r.times.count / 8 + 16 {
                r.times = r.times.withUnsafeBufferPointer { Array($0) }
                r.rssKB = r.rssKB.withUnsafeBufferPointer { Array($0) }
            }
            out.append(r)
        }
        return RelayTable(relays: out)
    }

    mutating func finish(metadata: CommentMetadata) -> (FileContent, notes: [Diagnostic]) {
        let (servers, notes) = aggregateSeries()
        return (.unified(servers, relays: relayTable()), notes + duplicateNotes())
    }

    /// Per server: the aggregate rows, and for timestamps without one the sum of the relay rows.
    func aggregateSeries() -> ([AggregateSeries], [Diagnostic]) {
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
            let (series, n) = state.builder.build(file: file)
            if !series.isEmpty { out.append(series) }
            notes += n
        }
        return (out, notes)
    }
}

extension UnifiedRowReader.ServerState {
    mutating func addAggregate(_ s: AggregateSample, line: Int) {
        aggregateTimes.insert(s.time)
        builder.add(s, line: line)
    }

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
            relaySums.append(UnifiedRowReader.RelaySum())
        }
        lastRelayTime = t
        lastRelaySlot = slot
        relaySums[slot].count += 1
        relaySums[slot].sum += rss
        relaySums[slot].min = Swift.min(relaySums[slot].min, rss)
        relaySums[slot].max = Swift.max(relaySums[slot].max, rss)
    }
}

extension UnifiedRowReader {
    /// Takes in what the reader of the part of the file after this one read; its line numbers are
    /// shifted by `lineOffset`.
    mutating func absorb(_ other: inout UnifiedRowReader, lineOffset: Int) {
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
            other.relays[slot] = RelaySeries(info: r.info)   // free each part as soon as it is merged
            if let mine = relayIndex[key] {
                var t = relays[mine].times, v = relays[mine].rssKB
                relays[mine].times = []; relays[mine].rssKB = []
                if t.capacity < t.count + r.count {
                    var nt: [Int64] = [], nv: [Double] = []
                    nt.reserveCapacity(t.count + r.count); nv.reserveCapacity(t.count + r.count)
                    nt += t; nv += v
                    t = nt; v = nv
                }
                t += r.times; v += r.rssKB
                relays[mine].times = t; relays[mine].rssKB = v
                relays[mine].groupSpans += r.groupSpans
                if relays[mine].info.nickname.isEmpty { relays[mine].info.nickname = r.info.nickname }
                if relays[mine].info.group.isEmpty { relays[mine].info.group = r.info.group }
            } else {
                relayIndex[key] = relays.count
                relays.append(r)
            }
        }
    }
}

extension UnifiedRowReader.ServerState {
    mutating func absorb(_ other: UnifiedRowReader.ServerState, lineOffset: Int) {
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
