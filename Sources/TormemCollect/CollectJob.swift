#if canImport(Glibc)
import Glibc
#endif
import TormemCore
import TormemData

/// `tormem collect`: one snapshot of the host written as unified rows (locked append), and
/// optionally as a Prometheus textfile and a host diagnostics row.
public enum CollectJob {
    public static func run(_ request: CollectRequest, collector: Collector) throws(TormemError) -> CollectSummary {
        let snapshot = try collector.snapshot()
        var report = CollectSummary(snapshot: snapshot)
        let rows = UnifiedRowWriter.rows(snapshot)
        let measurements = try measurementsPath(request.destination, snapshot: snapshot)
        if let measurements {
            // A file with rows of an older layout keeps it: the rows go in its own columns.
            var header = UnifiedRowWriter.header, ownRows = rows
            if !request.restart, let line = ExistingLayout.headerLine(of: measurements), line != UnifiedRowWriter.header.trimmingWhitespace,
               let layout = ExistingLayout.detect(header: line) {
                header = line + "\n"
                ownRows = layout.rows(snapshot)
            }
            let result = try LockedAppender(path: measurements, header: header)
                .append(ownRows, restart: request.restart)
            report.measurementsPath = measurements
            report.wroteHeader = result.wroteHeader
            if case .reportFolder = request.destination, let config = collector.settings.configPath,
               let warning = try ReportConfigCopy.place(config, in: FileOutput.parentDirectory(of: measurements)) {
                report.warnings.append(warning)
            }
        }
        if let path = request.prometheusPath {
            try AtomicFile.write(PrometheusWriter.text(snapshot), to: path)
            report.prometheusPath = path
        }
        if request.diagnostics {
            guard let path = request.diagnosticsPath ?? measurements.map(diagnosticsPath(besides:)) else {
                throw .usage("--with-diagnostics: expected --output, --auto-dir or --diagnostics-file to say where diagnostics.csv goes")
            }
            let diagnostics = HostDiagnostics.read(snapshot: snapshot, proc: collector.proc)
            var header = HostDiagnostics.header, row = diagnostics.row
            if let line = ExistingLayout.headerLine(of: path), line != HostDiagnostics.header.trimmingWhitespace,
               let layout = ExistingLayout.detectDiagnostics(header: line) {
                header = line + "\n"
                row = layout.row(diagnostics)
            }
            try LockedAppender(path: path, header: header).append(row)
            report.diagnosticsPath = path
        }
        if request.printRows { report.printed = UnifiedRowWriter.header + rows }
        return report
    }

    /// The file the rows go to; creates the report folder for `--auto-dir`.
    static func measurementsPath(_ d: CollectRequest.Destination, snapshot: HostSnapshot) throws(TormemError) -> String? {
        switch d {
        case .none: return nil
        case .file(let path): return path
        case .reportFolder(let description, let reports, let newFolder):
            let name = try folderName(snapshot, description: description)
            var base = reports.isEmpty ? "." : reports
            while base.count > 1, base.hasSuffix("/") { base.removeLast() }
            let existing = newFolder ? nil : newestFolder(like: name, in: base)
            let folder = (base == "/" ? "" : base) + "/" + (existing ?? name)
            // A link planted at the folder's (predictable) name would send the rows elsewhere.
            var st = stat()
            if lstat(folder, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK {
                throw .output(path: folder, reason: "is a symbolic link; refusing to write through it (expected a folder)")
            }
            try FileOutput.makeDirectory(folder)
            return folder + "/measurements.csv"
        }
    }

    /// The newest folder in `reports` named like `name` but for its date (`YYYY-MM-DD-HOST-DESC`):
    /// the experiment a cron job has been collecting into since an earlier day.
    static func newestFolder(like name: String, in reports: String) -> String? {
        let suffix = name.dropFirst(10)   // "-HOST-DESC" after the date
        let names = (try? DirectoryListing.names(reports)) ?? []
        return names.filter { candidate in
            candidate.count == name.count && candidate.hasSuffix(suffix)
                && TimestampParser.date(String(candidate.prefix(10))) != nil
                && DirectoryListing.isDirectory(reports + "/" + candidate)
        }.max()
    }

    /// The `--auto-dir` folder of a collection: date of the collection, short host name, description.
    static func folderName(_ snapshot: HostSnapshot, description: String) throws(TormemError) -> String {
        let host = ReportFolderName.host(snapshot.server)
        guard let name = ReportFolderName.make(date: snapshot.time.date, host: host.isEmpty ? "host" : host,
                                               description: description) else {
            throw .usage("--auto-dir \"\(description)\": expected a description with letters or digits, e.g. baseline or dircache-0")
        }
        return name
    }

    /// `diagnostics.csv` in the folder of `path`.
    public static func diagnosticsPath(besides path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "diagnostics.csv" }
        return String(path[...slash]) + "diagnostics.csv"
    }
}
