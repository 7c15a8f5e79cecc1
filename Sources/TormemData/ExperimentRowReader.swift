import TormemCSV
import TormemCore

/// Reads rows of the experiment format: `group,relay,day0,...,dayN` with values in GB.
struct ExperimentRowReader: RowReader {
    let file: String
    let header: HeaderMap
    /// (column index, day number) for every `dayK` column, by day.
    let dayColumns: [(column: Int, day: Int)]
    private let groupColumn: Int, relayColumn: Int
    private var relays: [RelayInfo] = []
    private var values: [[Double]] = []
    private var seen: [String: Int] = [:]

    init(file: String, header: HeaderMap) {
        self.file = file
        self.header = header
        groupColumn = header["group"] ?? 0
        relayColumn = header["relay"] ?? 1
        var seen = Set<Int>()
        dayColumns = header.names.enumerated()
            .compactMap { i, n in InputFormat.dayIndex(n).map { (i, $0) } }
            .filter { seen.insert($0.1).inserted }
            .sorted { $0.day < $1.day }
    }

    mutating func read(_ row: CSVRow) -> Diagnostic? {
        func problem(_ column: String?, _ message: String) -> Diagnostic {
            Diagnostic(file: file, line: row.line, column: column, message: message)
        }
        let name = row.text(at: relayColumn).trimmingSpaces
        guard !name.isEmpty else { return problem("relay", "expected a relay nickname, found none") }
        let group = row.text(at: groupColumn).trimmingSpaces
        var v = [Double](repeating: .nan, count: dayColumns.count)
        for (k, d) in dayColumns.enumerated() {
            let cell = row.number(at: d.column)
            if let c = cell.complaint(expected: "a non-negative number of GB") { return problem(header.names[d.column], c) }
            v[k] = cell.number ?? .nan
        }
        if let previous = seen[name] {
            return problem("relay", "relay \(quoted(name)) already appears on an earlier row (row \(previous)); this row is skipped")
        }
        seen[name] = row.line
        relays.append(RelayInfo(nickname: name, group: group))
        values.append(v)
        return nil
    }

    /// Relays without a group cell take theirs from the file's `# GROUP DEFINITIONS` comments.
    func finish(metadata: CommentMetadata) -> (FileContent, notes: [Diagnostic]) {
        var notes: [Diagnostic] = []
        for name in header.names where name.hasPrefix("day") && InputFormat.dayIndex(name) == nil {
            notes.append(Diagnostic(file: file, column: String(quoted(name).dropFirst().dropLast()), message:
                "expected a day column day0 to day\(InputFormat.maxDay); this column is not read"))
        }
        let read = Set(dayColumns.map(\.column))
        for (i, name) in header.names.enumerated() where !read.contains(i) {
            guard let day = InputFormat.dayIndex(name) else { continue }
            notes.append(Diagnostic(file: file, column: name, message: "day \(day) has two columns; only the first is read"))
        }
        var table = DailyTable(days: dayColumns.map(\.day), relays: relays, values: values)
        for r in table.relays.indices where table.relays[r].group.isEmpty {
            table.relays[r].group = metadata.relayGroups[table.relays[r].nickname] ?? ""
        }
        // The day0 column is the reading before the change: its mean is the baseline.
        if let d0 = table.days.firstIndex(of: 0) {
            let values = table.values.map { $0[d0] }.filter { !$0.isNaN }
            if !values.isEmpty { table.baseline = Sample.mean(values) }
        }
        return (.experiment(table), notes)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
