import TormemCSV
import TormemCore

/// Reads the fact columns of unified relay rows (`UnifiedColumns.facts`: started, allocator,
/// bandwidth, flags, weight) into each relay's `RelayFacts`. A collector repeats the same cells
/// hour after hour, so a relay's cells are compared with its last row's bytes and parsed only when
/// they change. A cell that cannot be read leaves that fact out, never the memory sample: one note
/// per column says how many, and where the first was.
struct FactCellReader: Sendable {
    /// The header's column of each fact (nil: the file lacks it), in `UnifiedColumns.facts` order.
    let columns: [Int?]
    /// Per relay slot, per fact, the bytes of the last cell read.
    private var last: [[[UInt8]]] = []
    /// Per fact: unreadable cells, the first one's line and text.
    private var problems: [Problem?]

    struct Problem: Sendable { var count: Int; var line: Int; var found: String }

    /// Largest bytes per day accepted (10^16: a sustained 900 Gbit/s).
    static let maximumBytesPerDay = 1e16

    init?(header: HeaderMap) {
        let columns = UnifiedColumns.facts.map { header[$0] }
        guard columns.contains(where: { $0 != nil }) else { return nil }
        self.columns = columns
        problems = columns.map { _ in nil }
    }

    /// Notes the row's fact cells for relay `slot` collected at `time`.
    mutating func read(_ row: CSVRow, slot: Int, time: Int64, into facts: inout RelayFacts) {
        while last.count <= slot { last.append(columns.map { _ in [] }) }
        var bandwidth: RelayFacts.Bandwidth?
        for (k, column) in columns.enumerated() {
            guard let column, column < row.count else { continue }
            let field = row[column]
            // Unchanged: the reading in force goes on.
            if field.isEmpty || field.equals(bytes: last[slot][k]) { continue }
            last[slot][k] = field.withBytes { Array($0) }
            switch k {
            case 0:
                if let t = field.withBytes(TimestampParser.timestamp)?.seconds {
                    facts.note(started: t, at: time)
                } else {
                    complain(k, row, "an ISO 8601 time like 2025-12-25T02:00:00")
                }
            case 1: facts.note(allocator: field.string, at: time)
            case 2, 3: bandwidth = RelayFacts.Bandwidth()   // read as a pair below
            case 4: facts.note(flags: field.string, at: time)
            default:
                if let v = field.double, v >= 0, v <= 1e12 { facts.note(weight: v, at: time) } else { complain(k, row, "a non-negative consensus weight") }
            }
        }
        guard bandwidth != nil else { return }
        let read = bytesPerDay(row, 2), written = bytesPerDay(row, 3)
        if read.isNaN && written.isNaN { return }
        facts.note(bandwidth: RelayFacts.Bandwidth(readPerDay: read, writtenPerDay: written), at: time)
    }

    /// The bytes per day of fact `k`'s cell (NaN when empty, absent or unreadable).
    private mutating func bytesPerDay(_ row: CSVRow, _ k: Int) -> Double {
        guard let column = columns[k], column < row.count, !row[column].isEmpty else { return .nan }
        if let v = row[column].double, v >= 0, v <= Self.maximumBytesPerDay { return v }
        complain(k, row, "a non-negative number of bytes per day")
        return .nan
    }

    private mutating func complain(_ k: Int, _ row: CSVRow, _ expected: String) {
        let found = row.text(at: columns[k])
        if var p = problems[k] { p.count += 1; problems[k] = p; return }
        problems[k] = Problem(count: 1, line: row.line, found: "expected " + expected + ", found " + quoted(found))
    }

    /// Takes in the problems of the part of the file after this one (lines shifted by `lineOffset`).
    mutating func absorb(_ other: FactCellReader, lineOffset: Int) {
        for k in problems.indices {
            guard let o = other.problems[k] else { continue }
            if var p = problems[k] { p.count += o.count; problems[k] = p } else {
                problems[k] = Problem(count: o.count, line: o.line + lineOffset, found: o.found)
            }
        }
    }

    /// One note per fact column with unreadable cells.
    func notes(file: String) -> [Diagnostic] {
        problems.enumerated().compactMap { k, p in
            guard let p else { return nil }
            let name = UnifiedColumns.facts[k]
            let cells = p.count == 1 ? "1 cell is" : "\(NumberFormat.grouped(p.count)) cells are"
            return Diagnostic(file: file, line: p.line, column: name,
                              message: "\(p.found); \(cells) left out of the \(name) facts (the memory samples are kept)")
        }
    }
}
