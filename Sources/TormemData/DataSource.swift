import TormemCore

/// Where a run's data comes from: files (`CSVFileSource`), and later other places (a Prometheus
/// server), so nothing here assumes a file. Asked for a time window, a source reads everything
/// once and hands back what it read (`SourceData`): the typed samples cut to the window, the side
/// files it found (possibly none), and how to fingerprint its inputs. Warnings go to `warn` as
/// they are found, in the order a person reads them.
public protocol DataSource: Sendable {
    /// Where the data came from, as messages name it (the `file` of a `Diagnostic`):
    /// `data/memory.csv`, `-`, `a.csv, b.csv`.
    var name: String { get }
    /// The data as the charts' small print names it: `memory.csv`, `standard input`, `pipe`.
    var caption: String { get }
    /// Reads the data, with only its samples inside `window` (`windowOptions`: the options that
    /// asked for it, as given, for messages and the summary: `--last 30d`). A usage error when the
    /// source cannot be read as described, an input error when what it holds is unusable.
    func read(window: TimeWindow, windowOptions: String, warn: (Diagnostic) -> Void) throws(TormemError) -> SourceData
}

extension DataSource {
    /// Reads everything there is (no time window), warnings dropped unless `warn` is given.
    public func read(warn: (Diagnostic) -> Void = { _ in }) throws(TormemError) -> SourceData {
        try read(window: TimeWindow(), windowOptions: "", warn: warn)
    }
}
