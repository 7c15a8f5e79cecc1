import TormemCSV
import TormemCore

/// Reads an input file of any known format: detects the format from the header and streams the rows
/// into typed series. Unreadable rows are skipped and reported; an unusable file is an error.
public enum DataLoader {
    /// `metrics`: the per-relay quantities to read (the first analysed); RSS is always read for
    /// the fleet's totals.
    public static func load(path: String, metrics: [Metric] = [.rss]) throws(TormemError) -> LoadedFile {
        try load(path: path, parallelThreshold: parallelThreshold, metrics: metrics)
    }

    /// `parallelThreshold`: files at least this large are parsed in two parts (tests pass 0).
    static func load(path: String, parallelThreshold: Int, metrics: [Metric] = [.rss]) throws(TormemError) -> LoadedFile {
        let reader: CSVReader
        do {
            reader = try CSVReader(input: path)
        } catch {
            throw TormemError(error)
        }
        if !reader.isStream, let size = reader.fileSize, size >= parallelThreshold, let loaded = try loadInTwoParts(path: path, size: size, metrics: metrics) {
            return loaded
        }
        return try load(reader: reader, name: path, metrics: metrics)
    }

    /// Files at least this large are parsed on two cores.
    static let parallelThreshold = 24 << 20

    /// Unified files: the first and second half (split after a newline) are parsed concurrently and
    /// merged. Returns nil (the caller reads sequentially) for other formats, or when any field is
    /// quoted (the split might then fall inside a quoted field).
    static func loadInTwoParts(path: String, size: Int, metrics: [Metric] = [.rss]) throws(TormemError) -> LoadedFile? {
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
                    var state = LoadState(file: path, partRange: k == 0 ? 0..<split : split..<size, metrics: metrics)
                    if k == 1 { try state.readHeader(names: header.names, line: header.line) }
                    // Comments go to their own variable: a state captured by the (escaping) comment
                    // closure would be checked for exclusive access at every row.
                    var metadata = CommentMetadata()
                    try reader.forEachRow(comment: { line, text in metadata.read(line: line, text: text) }) { row in
                        try state.read(row)
                    }
                    state.metadata = metadata
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

    public static func load(bytes: [UInt8], name: String, metrics: [Metric] = [.rss]) throws(TormemError) -> LoadedFile {
        try load(reader: CSVReader(bytes: bytes, name: name), name: name, metrics: metrics)
    }

    static func load(reader r: CSVReader, name: String, metrics: [Metric] = [.rss]) throws(TormemError) -> LoadedFile {
        var reader = r
        var state = LoadState(file: name, metrics: metrics)
        var metadata = CommentMetadata()
        try TormemError.reading(file: name) {
            try reader.forEachRow(comment: { line, text in metadata.read(line: line, text: text) }) { row in
                try state.read(row)
            }
        }
        state.metadata = metadata
        if let reason = reader.emptyStreamReason { throw .input(Diagnostic(file: name, message: reason)) }
        var loaded = try state.finish()
        loaded.streamDigest = reader.streamDigest
        return loaded
    }
}

/// The streaming state of one load: the header first, then every row through the reader the header
/// asks for.
struct LoadState: @unchecked Sendable {  // each part's state is confined to one thread at a time
    let file: String
    var reader: (any RowReader)?
    var metadata = CommentMetadata()
    /// Fields in the header row; every data row must have as many.
    var headerCount = 0
    /// The byte range this state reads (two-part loading), passed on to the reader.
    var partRange: Range<Int>?
    var rows = 0
    var problems = RowProblems()
    /// The per-relay quantities to read.
    let metrics: [Metric]

    init(file: String, partRange: Range<Int>? = nil, metrics: [Metric] = [.rss]) {
        self.file = file
        self.partRange = partRange
        self.metrics = metrics
    }

    mutating func read(_ row: CSVRow) throws(TormemError) {
        guard reader != nil else {
            try readHeader(names: row.strings, line: row.line)
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
        if let problem = reader!.read(row) { problems.skip(problem) }
    }

    mutating func readHeader(names: [String], line: Int) throws(TormemError) {
        if let m = InputFormat.carriageReturnMessage(header: names) { throw .input(Diagnostic(file: file, line: line, message: m)) }
        guard let format = InputFormat.detect(header: names) else {
            throw .input(Diagnostic(file: file, line: line, message: InputFormat.unknownHeaderMessage(found: names)))
        }
        let header = HeaderMap(names)
        headerCount = header.count
        if let m = InputFormat.missingMetricMessage(format, header: header, metrics: metrics) {
            throw .input(Diagnostic(file: file, line: line, message: m))
        }
        reader = format.reader(file: file, header: header, partRange: partRange, metrics: metrics)
    }

    mutating func finish() throws(TormemError) -> LoadedFile {
        guard var reader else {
            throw .input(Diagnostic(file: file, message:
                "empty file: expected a header row of one of: " + InputFormat.allCases.map(\.headerSummary).joined(separator: "; ")))
        }
        self.reader = nil
        if rows == 0 {
            throw .input(Diagnostic(file: file, message: "no data rows after the header"))
        }
        if problems.skipped == rows {
            let first = problems.diagnostics.first.map { "; first: \($0)" } ?? ""
            throw .input(Diagnostic(file: file, message: "no readable rows (all \(rows) skipped)\(first)"))
        }
        let (content, notes) = reader.finish(metadata: metadata)
        return LoadedFile(path: file, content: content, rows: rows, skipped: problems.skipped,
                          warnings: problems.diagnostics + notes, metadata: metadata)
    }
}

/// A server name for files that carry none: the file name without folders and extension.
public func serverName(fromPath path: String) -> String {
    let base = path.split(separator: "/").last.map(String.init) ?? path
    if let dot = base.lastIndex(of: "."), dot != base.startIndex { return String(base[..<dot]) }
    return base
}

extension TormemError {
    /// A file that cannot be read is an input error about that file.
    init(_ error: CSVError) {
        self = .input(Diagnostic(file: error.path, line: error.line, message: error.reason))
    }
}

extension LoadState {
    /// Takes in the state of the part of the file after this one; its line numbers are shifted by
    /// `lineOffset` (the lines of this part). Only unified files are read in two parts.
    mutating func absorb(_ other: inout LoadState, lineOffset: Int) {
        rows += other.rows
        problems.skipped += other.problems.skipped
        for d in other.problems.diagnostics where problems.diagnostics.count < RowProblems.keep {
            var d = d
            d.line = d.line.map { $0 + lineOffset }
            problems.diagnostics.append(d)
        }
        // Each reader is taken out of its state first, so it holds the only reference to its
        // arrays: the later part's series are freed one by one as they merge.
        guard var later = other.reader as? UnifiedRowReader else { return }
        other.reader = nil
        guard var mine = reader as? UnifiedRowReader else { return }
        reader = nil
        mine.absorb(&later, lineOffset: lineOffset)
        reader = mine
    }
}

/// Thrown to stop reading once the header row is seen.
struct CSVHeaderFound: Error {
    var names: [String]
    var line: Int
}
