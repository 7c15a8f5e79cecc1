import TormemCSV
import TormemCore
import TormemData

/// The columns of a file that already has rows: a collection is appended in that file's own
/// layout, so years of history kept by older collectors go on growing. Known layouts: the unified
/// format in any order and subset of its columns (the older header has no `group`), and the
/// aggregate format of the old `monitor.sh` (`date,time,num_relays,total_mb,...`).
public enum ExistingLayout: Equatable, Sendable {
    case unified([String])
    case monitor([String])
    /// `diagnostics.csv`: the 7 columns written now, or the 19 of older collectors.
    case diagnostics([String])

    public static let monitorColumns = ["date", "time", "num_relays", "total_mb", "avg_mb", "min_mb", "max_mb",
                                        "total_kb", "avg_kb", "min_kb", "max_kb"]

    /// The columns of the older collectors' `diagnostics.csv`.
    public static let olderDiagnosticsColumns = ["date", "time", "hostname", "tor_version", "os_release", "kernel", "allocator",
                                                 "mem_total_mb", "mem_free_mb", "mem_available_mb", "mem_cached_mb",
                                                 "swap_total_mb", "swap_free_mb", "tcp_established", "tcp_total", "fd_limit",
                                                 "relay_count", "relay_total_mb", "relay_avg_mb"]

    /// The first line of `path` that is not blank or a comment (from its first 64 KiB); nil when
    /// the file is missing, unreadable or has no such line.
    public static func headerLine(of path: String) -> String? {
        guard let bytes = try? FileBytes.read(path, limit: 65_536) else { return nil }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace }
            .first { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// The layout of a `diagnostics.csv` header; nil for one this tool cannot fill.
    public static func detectDiagnostics(header: String) -> ExistingLayout? {
        let columns = names(header)
        let known = Set(HostDiagnostics.columns + olderDiagnosticsColumns)
        return !columns.isEmpty && Set(columns).isSubset(of: known) ? .diagnostics(columns) : nil
    }

    static func names(_ header: String) -> [String] {
        var reader = CSVReader(bytes: Array(header.utf8), name: "header")
        var first: [String]?
        try? reader.forEachRow { row in if first == nil { first = row.strings } }
        return first?.map(normalizeColumn) ?? []
    }

    /// The layout of `header` (the file's first line that is not blank or a comment); nil for one
    /// this tool cannot fill.
    public static func detect(header: String) -> ExistingLayout? {
        let columns = names(header)
        switch InputFormat.detect(header: columns) {
        case .unified where Set(columns).isSubset(of: UnifiedColumns.all): return .unified(columns)
        case .monitor where Set(columns).isSubset(of: monitorColumns): return .monitor(columns)
        default: return nil
        }
    }

    /// The header line the file has (the collector's own spelling of its columns).
    public var header: String {
        switch self {
        case .unified(let c), .monitor(let c), .diagnostics(let c): return CSVText.line(c)
        }
    }

    /// The collection as rows of this layout.
    public func rows(_ snapshot: HostSnapshot) -> String {
        switch self {
        case .unified(let columns):
            var out = line(columns, UnifiedRowWriter.aggregateCells(snapshot))
            for relay in snapshot.running { out += line(columns, UnifiedRowWriter.relayCells(relay, snapshot: snapshot)) }
            return out
        case .monitor(let columns):
            let a = snapshot.aggregate
            func mib(_ kib: Int?) -> String { kib.map { String(($0 + 512) / 1024) } ?? "" }
            let cells: [String: String] = [
                "date": snapshot.time.date.description, "time": snapshot.time.clock(withSeconds: true),
                "num_relays": String(a.count),
                "total_mb": mib(a.totalKB), "avg_mb": mib(a.averageKB), "min_mb": mib(a.minKB), "max_mb": mib(a.maxKB),
                "total_kb": String(a.totalKB), "avg_kb": a.averageKB.map(String.init) ?? "",
                "min_kb": a.minKB.map(String.init) ?? "", "max_kb": a.maxKB.map(String.init) ?? "",
            ]
            return line(columns, cells)
        case .diagnostics(let columns):
            return line(columns, [:])
        }
    }

    /// A host diagnostics row in this layout (only for `.diagnostics`).
    public func row(_ d: HostDiagnostics) -> String {
        guard case .diagnostics(let columns) = self else { return d.row }
        func mib(_ kib: Int?) -> String { kib.map { String(($0 + 512) / 1024) } ?? "" }
        let cells: [String: String] = [
            "timestamp": d.time.iso8601, "server": d.server, "kernel": d.kernel ?? "",
            "mem_total_kb": d.memTotalKB.map(String.init) ?? "", "mem_available_kb": d.memAvailableKB.map(String.init) ?? "",
            "relays_running": String(d.relaysRunning), "allocators": d.allocators.joined(separator: ";"),
            "date": d.time.date.description, "time": d.time.clock(withSeconds: true), "hostname": d.server,
            "allocator": d.allocators.joined(separator: ";"), "mem_total_mb": mib(d.memTotalKB),
            "mem_available_mb": mib(d.memAvailableKB), "relay_count": String(d.relaysRunning),
        ]
        return line(columns, cells)
    }

    private func line(_ columns: [String], _ cells: [String: String]) -> String {
        CSVText.line(columns.map { cells[$0] ?? "" })
    }
}
