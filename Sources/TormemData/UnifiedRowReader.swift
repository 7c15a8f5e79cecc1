import TormemCSV
import TormemCore

/// Reads rows of the unified format into a `RelaySampleBuilder` (which merges identities, splits
/// duplicates and computes the aggregate of times without an aggregate row). This reader only turns
/// cells into samples, and predicts the relay of each row from the row before (relays come in the
/// same order at every timestamp) without building a String or hashing.
struct UnifiedRowReader: RowReader {
    let file: String
    let header: HeaderMap
    let defaultServer: String
    private let timestamp, server, type, rss, count, total, avg, min, max: Int?
    private let fingerprint, nickname, group: Int?
    /// The column of each requested quantity (nil: RSS, read anyway, or a column the header lacks).
    private let metricColumns: [Int?]
    private let readsRSSOnly: Bool
    private var metricValues: [Double]
    /// The fact columns' reader, when the header has any of them.
    private var factReader: FactCellReader?
    var builder: RelaySampleBuilder
    /// Identity bytes (server, 0x01, fingerprint or nickname) of each relay slot, and the slot that
    /// followed each slot last time.
    private var relayIds: [[UInt8]] = []
    private var relayServers: [Int] = []
    private var nextSlot: [Int] = []
    private var lastSlot = -1
    /// The bytes of each relay slot's current group cell.
    private var relayGroupBytes: [[UInt8]] = []
    /// The server slot of the last row, and the bytes of its name.
    private var lastServerBytes: [UInt8] = []
    private var lastServerSlot = -1
    /// The bytes this reader will see ([start, end) of the file), to size the relay arrays once the
    /// first collection (timestamp) has been read: appending alone leaves up to twice the memory.
    var partRange: Range<Int>?
    private var firstBlockEnd: Int?
    private var rowOffset = 0
    /// The last timestamp's bytes and value (every relay row of a collection repeats it).
    private var lastTimeBytes: [UInt8] = []
    private var lastTime: Int64 = 0

    init(file: String, header: HeaderMap, defaultServer: String? = nil, partRange: Range<Int>? = nil,
         metrics: [Metric] = [.rss]) {
        self.file = file
        self.header = header
        self.defaultServer = defaultServer ?? serverName(fromPath: file)
        self.partRange = partRange
        timestamp = header["timestamp"]; server = header["server"]; type = header["type"]
        rss = header["rss_kb"]; count = header["count"]; total = header["total_kb"]
        avg = header["avg_kb"]; min = header["min_kb"]; max = header["max_kb"]
        fingerprint = header["fingerprint"]; nickname = header["nickname"]; group = header["group"]
        metricColumns = metrics.map { $0 == .rss ? nil : header[$0.column] }
        readsRSSOnly = metrics == [.rss]
        metricValues = [Double](repeating: .nan, count: metrics.count)
        builder = RelaySampleBuilder(source: file, metrics: metrics)
        factReader = FactCellReader(header: header)
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
            if !readsRSSOnly, let p = readMetrics(row, rss: value) { return p }
            let fpEmpty = fingerprint.map { $0 >= row.count || row[$0].isEmpty } ?? true
            let nickEmpty = nickname.map { $0 >= row.count || row[$0].isEmpty } ?? true
            if fpEmpty && nickEmpty {
                return problem(row, "nickname", "expected a nickname or fingerprint for a relay row, found none")
            }
            let sv = serverSlot(row)
            if !readsRSSOnly, metricValues[0].isNaN {
                builder.addWithoutValue(server: sv, time: t, rssKB: value, line: row.line)
                return nil
            }
            let slot = relaySlot(row, server: sv, idColumn: fpEmpty ? nickname! : fingerprint!)
            let used = readsRSSOnly
                ? builder.add(relay: slot, server: sv, time: t, rssKB: value, value: value, line: row.line, group: row.text(at: group))
                : builder.add(relay: slot, server: sv, time: t, rssKB: value, values: metricValues, line: row.line, group: row.text(at: group))
            if used != slot {
                // A second relay of the same identity (`name#2`): a slot of its own from now on.
                while relayIds.count < builder.relayCount {
                    relayIds.append(relayIds[slot]); relayServers.append(relayServers[slot])
                    nextSlot.append(-1); relayGroupBytes.append([])
                }
                lastSlot = used
            }
            if let g = group { noteGroup(row, column: g, slot: used, time: t) }
            if var reader = factReader {
                factReader = nil   // the reader's arrays stay unique while it is out
                builder.updateFacts(relay: used) { reader.read(row, slot: used, time: t, into: &$0) }
                factReader = reader
            }
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
        builder.addAggregate(server: serverSlot(row),
                             AggregateSample(time: t, relays: relays, totalKB: v[0], avgKB: v[1], minKB: v[2], maxKB: v[3]),
                             line: row.line)
        return nil
    }

    /// The requested quantities of a relay row into `metricValues` (NaN for an empty cell or a
    /// column the file lacks); a cell that is not a number skips the row.
    private mutating func readMetrics(_ row: CSVRow, rss value: Double) -> Diagnostic? {
        let metrics = builder.metrics
        for (k, column) in metricColumns.enumerated() {
            if metrics[k] == .rss { metricValues[k] = value; continue }
            let cell = row.number(at: column)
            if let c = cell.complaint(expected: metrics[k].expected) { return problem(row, metrics[k].column, c) }
            metricValues[k] = cell.number ?? .nan
        }
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

    /// The builder's slot of the row's server (created on first sight).
    private mutating func serverSlot(_ row: CSVRow) -> Int {
        let field: CSVField? = server.flatMap { $0 < row.count && !row[$0].isEmpty ? row[$0] : nil }
        if lastServerSlot >= 0 {
            let same = field.map { $0.equals(bytes: lastServerBytes) } ?? lastServerBytes.isEmpty
            if same { return lastServerSlot }
        }
        let name = field?.string ?? defaultServer
        lastServerBytes = field.map { f in f.withBytes { Array($0) } } ?? []
        lastServerSlot = builder.server(named: name)
        return lastServerSlot
    }

    /// After the first collection: every relay will get about (part size / first collection's size)
    /// samples; reserve that (plus 3%) so the arrays are allocated once.
    private mutating func sizeRelayArrays(blockEnd: Int, range: Range<Int>) {
        firstBlockEnd = blockEnd
        let blockBytes = blockEnd - range.lowerBound
        guard blockBytes > 0 else { return }
        let perRelay = Int(Double(range.count) / Double(blockBytes) * 1.03) + 8
        guard perRelay < 50_000_000 else { return }
        builder.reserve(samplesPerRelay: perRelay)
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
        let before = builder.relayCount
        let slot = builder.relay(server: sv, id: idField.string, nickname: row.text(at: nickname),
                                 fingerprint: row.text(at: fingerprint), group: row.text(at: group), line: row.line)
        if slot == before {
            relayIds.append(idField.withBytes { Array($0) })
            relayServers.append(sv)
            nextSlot.append(-1)
            relayGroupBytes.append([])
        }
        if lastSlot >= 0 { nextSlot[lastSlot] = slot }
        lastSlot = slot
        return slot
    }

    /// Records the row's group cell: a new span when it differs from the relay's current group.
    private mutating func noteGroup(_ row: CSVRow, column g: Int, slot: Int, time t: Int64) {
        let field = row[g]
        if builder.hasGroupSpans(slot), field.equals(bytes: relayGroupBytes[slot]) { return }
        builder.addGroupSpan(relay: slot, GroupSpan(from: t, group: field.string))
        relayGroupBytes[slot] = field.withBytes { Array($0) }
    }

    mutating func finish(metadata: CommentMetadata) -> (FileContent, notes: [Diagnostic]) {
        let (servers, relays, notes) = builder.finish()
        return (.unified(servers, relays: relays), notes + (factReader?.notes(file: file) ?? []))
    }

    /// Takes in what the reader of the part of the file after this one read; its line numbers are
    /// shifted by `lineOffset`.
    mutating func absorb(_ other: inout UnifiedRowReader, lineOffset: Int) {
        builder.absorb(&other.builder, lineOffset: lineOffset)
        if let o = other.factReader { factReader?.absorb(o, lineOffset: lineOffset) }
    }
}
