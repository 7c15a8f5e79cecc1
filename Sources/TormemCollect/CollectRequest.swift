/// What `tormem collect` should do with one collection.
public struct CollectRequest: Sendable {
    public enum Destination: Equatable, Sendable {
        /// Append to this file (`--output`).
        case file(String)
        /// Append to `REPORTS/YYYY-MM-DD-HOST-DESCRIPTION/measurements.csv` (`--auto-dir`): the newest
        /// existing folder of this host and description, or a new one dated today (`newFolder`, or
        /// when there is none).
        case reportFolder(description: String, reports: String, newFolder: Bool = false)
        /// Write no file (`--stdout` alone).
        case none
    }

    public var destination: Destination
    /// Start the file over with the header (`--init`), discarding earlier rows.
    public var restart: Bool
    /// Also return header and rows as text for standard output (`--stdout`).
    public var printRows: Bool
    /// node_exporter textfile (`--prometheus`).
    public var prometheusPath: String?
    /// Append a host diagnostics row (`--with-diagnostics`).
    public var diagnostics: Bool
    /// Where that row goes (`--diagnostics-file`); nil: `diagnostics.csv` next to the measurements.
    public var diagnosticsPath: String?

    public init(destination: Destination, restart: Bool = false, printRows: Bool = false,
                prometheusPath: String? = nil, diagnostics: Bool = false, diagnosticsPath: String? = nil) {
        self.destination = destination; self.restart = restart; self.printRows = printRows
        self.prometheusPath = prometheusPath; self.diagnostics = diagnostics || diagnosticsPath != nil
        self.diagnosticsPath = diagnosticsPath
    }
}
