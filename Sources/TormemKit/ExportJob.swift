import TormemCore
import TormemData

/// `tormem-charts export --openmetrics`: data files read as for charts (`CSVFileSource`, every
/// quantity), written as OpenMetrics text (`OpenMetricsWriter`) for `promtool tsdb
/// create-blocks-from openmetrics`: atomically to a file, or handed back for standard output.
public enum ExportJob {
    /// Reads `data` and writes its OpenMetrics text to `output` (`-`: returned instead, for the
    /// caller to print). Nothing is written when the data cannot be read.
    public static func openMetrics(data: [String], output: String, strict: Bool = false,
                                   warn: (Diagnostic) -> Void = { _ in }) throws(TormemError) -> String? {
        let source = CSVFileSource(paths: data, strict: strict, metrics: OpenMetricsWriter.metrics)
        let read = try source.read(warn: warn)
        let text = try OpenMetricsWriter.text(read.files)
        if output == "-" { return text }
        try AtomicFile.write(text, to: output)
        return nil
    }
}
