import TormemCore
import TormemData

/// `tormem-charts export --openmetrics`: data files read as for charts (`CSVFileSource`), with
/// every quantity each file has, written as OpenMetrics text (`OpenMetricsWriter`) for `promtool
/// tsdb create-blocks-from openmetrics`: atomically to a file, or handed back for standard output.
public enum ExportJob {
    /// Reads `data` and writes its OpenMetrics text to `output` (`-`: returned instead, for the
    /// caller to print). Nothing is written when the data cannot be read.
    public static func openMetrics(data: [String], output: String, strict: Bool = false,
                                   warn: (Diagnostic) -> Void = { _ in }) throws(TormemError) -> String? {
        guard !data.isEmpty else { throw .usage("no data: give at least one --data FILE") }
        var files: [LoadedFile] = []
        for path in data { files += try read(path, strict: strict, warn: warn) }
        let text = try OpenMetricsWriter.text(files)
        if output == "-" { return text }
        try AtomicFile.write(text, to: output)
        return nil
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
