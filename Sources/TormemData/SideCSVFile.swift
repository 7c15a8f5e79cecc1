import TormemCSV
import TormemCore

/// A CSV side file type (`EventLog`, `DiagnosticsLog`): parsed from a reader; read from bytes (tests,
/// memory) or from its path next to the data, without ever blocking on a FIFO.
public protocol SideCSVFile {
    static func parse(_ reader: inout CSVReader, file: String) throws(TormemError) -> Self
}

extension SideCSVFile {
    public static func parse(_ bytes: [UInt8], file: String) throws(TormemError) -> Self {
        var reader = CSVReader(bytes: bytes, name: file)
        return try parse(&reader, file: file)
    }

    /// Reads `path`: nil when absent; a FIFO or device is a warning in `warnings`, never waited on.
    public static func load(path: String, warnings: inout [Diagnostic]) throws(TormemError) -> Self? {
        guard var reader = try SideCSV.open(path, warnings: &warnings) else { return nil }
        return try parse(&reader, file: path)
    }
}
