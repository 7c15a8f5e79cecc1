import TormemData

/// `tormem collect`: one snapshot of the host written as unified rows (locked append), and
/// optionally as a Prometheus textfile and a host diagnostics row.
public enum CollectJob {
    public static func run(_ request: CollectRequest, collector: Collector) throws(TormemError) -> CollectReport {
        let snapshot = try collector.snapshot()
        var report = CollectReport(snapshot: snapshot)
        let rows = UnifiedRowWriter.rows(snapshot)
        let measurements = try measurementsPath(request.destination, snapshot: snapshot)
        if let measurements {
            let result = try LockedAppender(path: measurements, header: UnifiedRowWriter.header)
                .append(rows, restart: request.restart)
            report.measurementsPath = measurements
            report.wroteHeader = result.wroteHeader
        }
        if let path = request.prometheusPath {
            try AtomicWriter.write(PrometheusWriter.text(snapshot), to: path)
            report.prometheusPath = path
        }
        if request.diagnostics {
            guard let path = request.diagnosticsPath ?? measurements.map(diagnosticsPath(besides:)) else {
                throw .usage("--with-diagnostics: expected --output, --auto-dir or --diagnostics-file to say where diagnostics.csv goes")
            }
            let row = HostDiagnostics.read(snapshot: snapshot, proc: collector.proc).row
            try LockedAppender(path: path, header: HostDiagnostics.header).append(row)
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
        case .reportFolder(let description, let reports):
            let name = try ReportFolder.name(time: snapshot.time, host: snapshot.server, description: description)
            var base = reports.isEmpty ? "." : reports
            while base.count > 1, base.hasSuffix("/") { base.removeLast() }
            let folder = (base == "/" ? "" : base) + "/" + name
            try ReportFolder.create(folder)
            return folder + "/measurements.csv"
        }
    }

    /// `diagnostics.csv` in the folder of `path`.
    public static func diagnosticsPath(besides path: String) -> String {
        let (dir, _) = AtomicWriter.split(path)
        return dir + "diagnostics.csv"
    }
}
