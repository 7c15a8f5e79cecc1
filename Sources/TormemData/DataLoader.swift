import TormemCSV
import TormemCore

/// Reads an input file of any known format: detects the format from the header and streams the rows
/// into typed series. Unreadable rows are skipped and reported; an unusable file is an error.
public enum DataLoader {
    public static func load(path: String) throws(TormemError) -> LoadedFile {
        try load(path: path, parallelThreshold: parallelThreshold)
    }

    /// `parallelThreshold`: files at least this large are parsed in two parts (tests pass 0).
    static func load(path: String, parallelThreshold: Int) throws(TormemError) -> LoadedFile {
        let reader: CSVReader
        do {
            reader = try CSVReader(path: path)
        } catch {
            throw .input(Diagnostic(file: path, message: "\(error)".replacingPrefix(path + ": ", with: "")))
        }
        if let size = reader.fileSize, size >= parallelThreshold, let loaded = try loadInTwoParts(path: path, size: size) {
            return loaded
        }
        return try load(reader: reader, name: path)
    }

    /// Files at least this large are parsed on two cores.
    static let parallelThreshold = 24 << 20

    /// Unified files: the first and second half (split after a newline) are parsed concurrently and
    /// merged. Returns nil (the caller reads sequentially) for other formats, or when any field is
    /// quoted (the split might then fall inside a quoted field).
    static func loadInTwoParts(path: String, size: Int) throws(TormemError) -> LoadedFile? {
        do {
            // The header, from the start of the file.
            var head = try CSVReader(path: path, range: 0..<min(size, 1 << 20))
            var header: CSVHeaderFound?
            do {
                try head.forEachRow(comment: nil) { row in throw CSVHeaderFound(names: row.strings, line: row.line) }
            } catch let found as CSVHeaderFound {
                header = found
            }
            guard let header, InputFormat.detect(header: header.names) == .unified,
                  let split = try head.recordBoundary(after: size / 2), split < size else { return nil }

            var parts = concurrentMap(2) { k -> Result<(LoadState, CSVReader), any Error> in
                Result {
                    var reader = try CSVReader(path: path, range: k == 0 ? 0..<split : split..<size)
                    var state = LoadState(file: path)
                    if k == 1 { try state.readHeader(names: header.names, line: header.line) }
                    state.partRange = k == 0 ? 0..<split : split..<size
                    try reader.forEachRow(comment: { line, text in state.metadata.read(line: line, text: text) }) { row in
                        try state.read(row)
                    }
                    return (state, reader)
                }
            }
            guard case .success(let (firstState, firstReader)) = parts[0],
                  case .success(let (secondState, secondReader)) = parts[1] else {
                return nil   // let the sequential reader produce the exact error
            }
            parts = []   // the states below hold the only references, freed as they merge
            var first = firstState, second = secondState
            if firstReader.sawQuote || secondReader.sawQuote { return nil }
            first.absorb(&second, lineOffset: firstReader.linesRead)
            return try first.finish()
        } catch {
            return nil
        }
    }

    public static func load(bytes: [UInt8], name: String) throws(TormemError) -> LoadedFile {
        try load(reader: CSVReader(bytes: bytes, name: name), name: name)
    }

    static func load(reader r: CSVReader, name: String) throws(TormemError) -> LoadedFile {
        var reader = r
        var state = LoadState(file: name)
        do {
            try reader.forEachRow(comment: { line, text in state.metadata.read(line: line, text: text) }) { row in
                try state.read(row)
            }
        } catch let e as TormemError {
            throw e
        } catch {
            throw .input(Diagnostic(file: name, message: "\(error)"))
        }
        return try state.finish()
    }
}

/// The streaming state of one load: header first, then rows for the detected format.
struct LoadState: @unchecked Sendable {
    let file: String
    var format: InputFormat?
    var monitor: MonitorRowReader?
    var unified: UnifiedRowReader?
    var experiment: ExperimentRowReader?
    var snapshot: SnapshotRowReader?
    var metadata = CommentMetadata()
    /// Fields in the header row; every data row must have as many.
    var headerCount = 0
    /// The byte range this state reads (parallel loading), passed on to the unified reader.
    var partRange: Range<Int>? { didSet { unified?.partRange = partRange } }
    var rows = 0
    var problems = RowProblems()

    init(file: String) { self.file = file }

    mutating func read(_ row: CSVRow) throws(TormemError) {
        guard let format else {
            try readHeader(row)
            return
        }
        rows += 1
        if row.unterminatedQuote {
            problems.skip(Diagnostic(file: file, line: row.line,
                                     message: "unterminated quoted field: expected a closing \" before the end of the file"))
            return
        }
        // Every format's rows have the header's shape.
        if row.count != headerCount {
            problems.skip(Diagnostic(file: file, line: row.line, message: "expected \(headerCount) fields, found \(row.count)"))
            return
        }
        let problem: Diagnostic?
        switch format {
        case .monitor: problem = monitor!.read(row)
        case .unified: problem = unified!.read(row)
        case .experiment: problem = experiment!.read(row)
        case .snapshot: problem = snapshot!.read(row)
        }
        if let problem { problems.skip(problem) }
    }

    mutating func readHeader(_ row: CSVRow) throws(TormemError) {
        try readHeader(names: row.strings, line: row.line)
    }

    mutating func readHeader(names: [String], line: Int) throws(TormemError) {
        guard let f = InputFormat.detect(header: names) else {
            throw .input(Diagnostic(file: file, line: line, message: InputFormat.unknownHeaderMessage(found: names)))
        }
        format = f
        let header = HeaderMap(names)
        headerCount = header.count
        switch f {
        case .monitor: monitor = MonitorRowReader(file: file, header: header, server: serverName(fromPath: file))
        case .unified:
            unified = UnifiedRowReader(file: file, header: header, defaultServer: serverName(fromPath: file))
            unified?.partRange = partRange
        case .experiment: experiment = ExperimentRowReader(file: file, header: header)
        case .snapshot: snapshot = SnapshotRowReader(file: file, header: header)
        }
    }

    mutating func finish() throws(TormemError) -> LoadedFile {
        guard let format else {
            throw .input(Diagnostic(file: file, message:
                "empty file: expected a header row of one of: " + InputFormat.allCases.map(\.headerSummary).joined(separator: "; ")))
        }
        if rows == 0 {
            throw .input(Diagnostic(file: file, message: "no data rows after the header"))
        }
        var servers: [AggregateSeries] = []
        var notes: [Diagnostic] = []
        switch format {
        case .monitor: (servers, notes) = monitor!.finish()
        case .unified: (servers, notes) = unified!.finish()
        case .experiment, .snapshot: break
        }
        if problems.skipped == rows {
            let first = problems.diagnostics.first.map { "; first: \($0)" } ?? ""
            throw .input(Diagnostic(file: file, message: "no readable rows (all \(rows) skipped)\(first)"))
        }
        var loaded = LoadedFile(path: file, format: format, servers: servers, rows: rows,
                                skipped: problems.skipped, warnings: problems.diagnostics + notes)
        loaded.metadata = metadata
        switch format {
        case .unified: loaded.relays = unified!.relayTable()
        case .experiment:
            var table = experiment!.finish()
            for r in table.relays.indices where table.relays[r].group.isEmpty {
                table.relays[r].group = metadata.relayGroups[table.relays[r].nickname] ?? ""
            }
            loaded.daily = table
        case .snapshot: loaded.snapshot = snapshot!.finish(metadata: metadata)
        case .monitor: break
        }
        return loaded
    }
}

/// A server name for files that carry none: the file name without folders and extension.
public func serverName(fromPath path: String) -> String {
    let base = path.split(separator: "/").last.map(String.init) ?? path
    if let dot = base.lastIndex(of: "."), dot != base.startIndex { return String(base[..<dot]) }
    return base
}

extension String {
    func replacingPrefix(_ prefix: String, with new: String) -> String {
        hasPrefix(prefix) ? new + dropFirst(prefix.count) : self
    }
}

extension LoadState {
    /// Takes in the state of the part of the file after this one; its line numbers are shifted by
    /// `lineOffset` (the lines of this part).
    mutating func absorb(_ other: inout LoadState, lineOffset: Int) {
        rows += other.rows
        problems.skipped += other.problems.skipped
        for d in other.problems.diagnostics where problems.diagnostics.count < RowProblems.keep {
            var d = d
            d.line = d.line.map { $0 + lineOffset }
            problems.diagnostics.append(d)
        }
        if var o = other.unified {
            other.unified = nil
            unified?.absorb(&o, lineOffset: lineOffset)
        }
    }
}

/// Thrown to stop reading once the header row is seen.
struct CSVHeaderFound: Error {
    var names: [String]
    var line: Int
}
