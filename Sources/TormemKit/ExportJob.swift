import TormemCore
import TormemData

/// `tormem-charts export --openmetrics`: data files read as for charts (`CSVFileSource`), with
/// every quantity each file has, written as OpenMetrics text (`OpenMetricsWriter`) for `promtool
/// tsdb create-blocks-from openmetrics`: atomically to a file, or handed back for standard output.
public enum ExportJob {
    /// Reads `data` and writes its OpenMetrics text to `output` (`-`: standard output), a block at
    /// a time (the text of years of history is never held whole). Nothing is written when the data
    /// cannot be read; a file is written atomically.
    public static func openMetrics(data: [String], output: String, strict: Bool = false,
                                   warn: (Diagnostic) -> Void = { _ in }) throws(TormemError) {
        let files = try load(data, strict: strict, warn: warn)
        if output == "-" {
            var sink = TextSink { bytes throws(TormemError) in
                if let reason = FileOutput.writeAll(1, bytes) { throw .output(path: "standard output", reason: reason) }
            }
            try OpenMetricsWriter.write(files, into: &sink)
            try sink.flush()
            return
        }
        try AtomicFile.write(to: output) { sink throws(TormemError) in try OpenMetricsWriter.write(files, into: &sink) }
    }

    /// The OpenMetrics text of `data`, whole (tests, small files).
    public static func openMetricsText(data: [String], strict: Bool = false,
                                       warn: (Diagnostic) -> Void = { _ in }) throws(TormemError) -> String {
        try OpenMetricsWriter.text(try load(data, strict: strict, warn: warn))
    }

    static func load(_ data: [String], strict: Bool, warn: (Diagnostic) -> Void) throws(TormemError) -> [LoadedFile] {
        guard !data.isEmpty else { throw .usage("no data: give at least one --data FILE") }
        var files: [LoadedFile] = []
        for path in data { files += try read(path, strict: strict, warn: warn) }
        return files
    }

    /// One file with the quantities it has: a unified header may lack some of their columns (the
    /// loader says which, before any row is read), an experiment table has RSS only.
    static func read(_ path: String, strict: Bool, warn: (Diagnostic) -> Void) throws(TormemError) -> [LoadedFile] {
        var metrics = OpenMetricsWriter.metrics
        while true {
            do {
                return try CSVFileSource(paths: [path], strict: strict, metrics: metrics).read(warn: warn).files
            } catch {
                guard path != "-", case .input(let d) = error, metrics.count > 1 else { throw error }
                if d.message.hasPrefix("an experiment table") { metrics = [.rss]; continue }
                guard let lacking = metrics.first(where: { $0 != .rss && d.message.hasPrefix("no \($0.column) column for --metric") }) else {
                    throw error
                }
                metrics.removeAll { $0 == lacking }
            }
        }
    }
}
