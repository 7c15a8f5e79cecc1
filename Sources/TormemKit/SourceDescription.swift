import TormemData
@_exported import struct TormemPrometheus.PrometheusQuery
@_exported import struct TormemPrometheus.PrometheusCredentials
import TormemPrometheus

/// Where a request's data comes from, as given: what `ChartsRequest` keeps (a plain value, set from
/// the command line or a report folder), and what makes the `DataSource` a run reads through.
public enum SourceDescription: Equatable, Sendable {
    /// `--data FILE`…: CSV files (plain or gzip), `-` for standard input, pipes; the side files
    /// next to the first.
    case files([String])
    /// `--prometheus URL`: the raw samples of a Prometheus-compatible server's relay gauges, as
    /// the query says (`--match`, `--server-label`, `--timeout`, the credential options).
    case prometheus(PrometheusQuery)

    /// The source that reads it; `strict`: any unreadable row fails the run; `metric`: the
    /// per-relay quantity to read; `sideFolder`: where the side files are (`--side-files DIR`; nil:
    /// next to the first file, none for a server).
    public func source(strict: Bool, metric: Metric = .rss, sideFolder: String? = nil) -> any DataSource {
        switch self {
        case .files(let paths): CSVFileSource(paths: paths, strict: strict, sideFolder: sideFolder, metrics: [metric])
        case .prometheus(let query):
            { var source = PrometheusSource(query: query, metrics: [metric], sideFolder: sideFolder); source.strict = strict; return source }()
        }
    }
}
