import TormemCSV

/// Reads an input file of any known format: detects the format from the header and streams the rows
/// into typed series. Unreadable rows are skipped and reported; an unusable file is an error.
public enum DataLoader {
    public static func load(path: String) throws(TormemError) -> LoadedFile {
        let reader: CSVReader
        do {
            reader = try CSVReader(path: path)
        } catch {
            throw .input(Diagnostic(file: path, message: "\(error)".replacingPrefix(path + ": ", with: "")))
        }
        return try load(reader: reader, name: path)
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
private struct LoadState {
    let file: String
    var format: InputFormat?
    var monitor: MonitorRowReader?
    var unified: UnifiedRowReader?
    var experiment: ExperimentRowReader?
    var snapshot: SnapshotRowReader?
    var metadata = CommentMetadata()
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
        let names = row.strings
        guard let f = InputFormat.detect(header: names) else {
            throw .input(Diagnostic(file: file, line: row.line, message: InputFormat.unknownHeaderMessage(found: names)))
        }
        format = f
        let header = HeaderMap(names)
        switch f {
        case .monitor: monitor = MonitorRowReader(file: file, header: header, server: serverName(fromPath: file))
        case .unified: unified = UnifiedRowReader(file: file, header: header, defaultServer: serverName(fromPath: file))
        case .experiment: experiment = ExperimentRowReader(file: file, header: header)
        case .snapshot: snapshot = SnapshotRowReader(file: file, header: header)
        }
    }

    func finish() throws(TormemError) -> LoadedFile {
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
