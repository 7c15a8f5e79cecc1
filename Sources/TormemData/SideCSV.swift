import TormemCSV
import TormemCore

/// A CSV side file next to the data (`events.csv`, `diagnostics.csv`): opened without ever blocking
/// (a FIFO or device is refused, not waited on), then read as a header row and data rows.
enum SideCSV {
    /// The reader for `path`; nil when there is no file. A FIFO, device or folder is a warning.
    static func open(_ path: String, warnings: inout [Diagnostic]) throws(TormemError) -> CSVReader? {
        do {
            return try CSVReader(path: path)
        } catch .fileNotFound {
            return nil
        } catch .notRegularFile(_, let kind) {
            warnings.append(Diagnostic(file: path, message: "is a \(kind), expected a regular csv file; not read"))
            return nil
        } catch {
            throw .input(Diagnostic(file: path, message: error.reason))
        }
    }

    /// Calls `header` with the first row and `row` with every later one; errors name `file`.
    static func read(_ reader: inout CSVReader, file: String, header: (CSVRow) throws(TormemError) -> Void,
                     row: (CSVRow) throws(TormemError) -> Void) throws(TormemError) {
        var sawHeader = false
        try TormemError.reading(file: file) {
            try reader.forEachRow { r in
                if sawHeader { try row(r); return }
                sawHeader = true
                if let m = InputFormat.carriageReturnMessage(header: r.strings) {
                    throw TormemError.input(Diagnostic(file: file, line: r.line, message: m))
                }
                try header(r)
            }
        }
        if !sawHeader { throw .input(Diagnostic(file: file, message: "empty file: expected a header row")) }
    }

    /// The time in a row's `timestamp` cell, or nil and a warning naming the cell.
    static func timestamp(_ row: CSVRow, at i: Int?, file: String, warnings: inout [Diagnostic]) -> Timestamp? {
        let cell = row.text(at: i)
        if let t = TimestampParser.timestamp(cell) { return t }
        let found = cell.isEmpty ? "an empty cell" : quoted(cell)
        warnings.append(Diagnostic(file: file, line: row.line, column: "timestamp",
                                   message: "expected an ISO 8601 time such as 2026-01-05T10:47:43-08:00, found \(found); row skipped"))
        return nil
    }
}
