import TormemCSV
import TormemCore

/// `diagnostics.csv` next to the data: host facts per collection, from either the 7 columns
/// `tormem collect` writes (`timestamp,server,kernel,mem_total_kb,mem_available_kb,relays_running,allocators`)
/// or the older 19 columns (`date,time,hostname,tor_version,os_release,kernel,allocator,mem_total_mb,…`).
public struct DiagnosticsLog: Equatable, Sendable, SideCSVFile {
    public enum Layout: String, Sendable { case collector, legacy }

    public var layout: Layout
    /// Rows in time order.
    public var rows: [HostFacts]
    public var warnings: [Diagnostic]

    public init(layout: Layout, rows: [HostFacts], warnings: [Diagnostic] = []) {
        self.layout = layout; self.rows = rows; self.warnings = warnings
    }

    /// Kernels in order of first appearance.
    public var kernels: [String] { distinct(rows.map(\.kernel)) }
    /// Allocators in order of first appearance.
    public var allocators: [String] { distinct(rows.flatMap(\.allocators)) }
    public var last: HostFacts? { rows.last }
    /// Tor versions in order of first appearance.
    public var torVersions: [String] { distinct(rows.map(\.torVersion)) }

    func distinct(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    public static func parse(_ reader: inout CSVReader, file: String) throws(TormemError) -> DiagnosticsLog {
        var h = HeaderMap([])
        var layout = Layout.collector
        var rows: [(line: Int, facts: HostFacts)] = []
        var warnings: [Diagnostic] = []
        try SideCSV.read(&reader, file: file, header: { row throws(TormemError) in
            h = HeaderMap(row.strings)
            if h["timestamp"] != nil, h["mem_total_kb"] != nil {
                layout = .collector
            } else if h["date"] != nil, h["time"] != nil, h["mem_total_mb"] != nil {
                layout = .legacy
            } else {
                throw .input(Diagnostic(file: file, line: row.line, message:
                    "expected the header timestamp,server,kernel,mem_total_kb,mem_available_kb,relays_running,allocators " +
                    "or date,time,hostname,…,mem_total_mb,…, found \(quoted(row.strings.joined(separator: ",")))"))
            }
        }, row: { row in
            let facts = layout == .collector ? collectorRow(row, h, file, &warnings) : legacyRow(row, h, file, &warnings)
            if let facts { rows.append((row.line, facts)) }
        })
        let sorted = rows.sorted { ($0.facts.time, $0.line) < ($1.facts.time, $1.line) }.map(\.facts)
        return DiagnosticsLog(layout: layout, rows: sorted, warnings: warnings)
    }

    static func collectorRow(_ row: CSVRow, _ h: HeaderMap, _ file: String, _ warnings: inout [Diagnostic]) -> HostFacts? {
        guard let t = SideCSV.timestamp(row, at: h["timestamp"], file: file, warnings: &warnings),
              let m = memory(row, h, file, total: "mem_total_kb", available: "mem_available_kb", kibPer: 1, &warnings) else { return nil }
        return HostFacts(time: t, server: row.text(at: h["server"]).trimmingSpaces, kernel: row.text(at: h["kernel"]).trimmingSpaces,
                         memTotalKB: m.total, memAvailableKB: m.available, relaysRunning: count(row, h["relays_running"]),
                         allocators: row.text(at: h["allocators"]).split(separator: ";").map { String($0).trimmingSpaces })
    }

    static func legacyRow(_ row: CSVRow, _ h: HeaderMap, _ file: String, _ warnings: inout [Diagnostic]) -> HostFacts? {
        let stamp = row.text(at: h["date"]).trimmingSpaces + "T" + row.text(at: h["time"]).trimmingSpaces
        guard let t = TimestampParser.timestamp(stamp) else {
            warnings.append(Diagnostic(file: file, line: row.line, column: "date", message:
                "expected a date YYYY-MM-DD and a time HH:MM:SS, found \(quoted(stamp)); row skipped"))
            return nil
        }
        guard let m = memory(row, h, file, total: "mem_total_mb", available: "mem_available_mb", kibPer: 1024, &warnings) else { return nil }
        let allocator = row.text(at: h["allocator"]).trimmingSpaces
        return HostFacts(time: t, server: row.text(at: h["hostname"]).trimmingSpaces, kernel: row.text(at: h["kernel"]).trimmingSpaces,
                         memTotalKB: m.total, memAvailableKB: m.available, relaysRunning: count(row, h["relay_count"]),
                         allocators: allocator.isEmpty ? [] : [allocator], torVersion: row.text(at: h["tor_version"]).trimmingSpaces)
    }

    /// Total and available memory in KiB (NaN when empty); a cell that is not a number is a warning.
    static func memory(_ row: CSVRow, _ h: HeaderMap, _ file: String, total: String, available: String, kibPer: Double,
                       _ warnings: inout [Diagnostic]) -> (total: Double, available: Double)? {
        var values: [Double] = []
        for name in [total, available] {
            let cell = row.number(at: h[name])
            if let c = cell.complaint(expected: "a non-negative number") {
                warnings.append(Diagnostic(file: file, line: row.line, column: name, message: c + "; row skipped"))
                return nil
            }
            values.append((cell.number ?? .nan) * kibPer)
        }
        return (values[0], values[1])
    }

    static func count(_ row: CSVRow, _ i: Int?) -> Int? {
        row.integer(at: i).number.map { Int($0) }
    }
}
