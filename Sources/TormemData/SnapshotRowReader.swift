import TormemCSV
import TormemCore

/// Reads rows of the snapshot format: `relay,pid,rss_gb,vmsize_gb,hwm_gb,frag_ratio`.
struct SnapshotRowReader: RowReader {
    let file: String
    let header: HeaderMap
    private let relay, pid, rss, vmsize, hwm, frag: Int?
    private var relays: [SnapshotTable.Relay] = []
    private var notRunning: [String] = []

    init(file: String, header: HeaderMap) {
        self.file = file
        self.header = header
        relay = header["relay"]; pid = header["pid"]; rss = header["rss_gb"]
        vmsize = header["vmsize_gb"]; hwm = header["hwm_gb"]; frag = header["frag_ratio"]
    }

    mutating func read(_ row: CSVRow) -> Diagnostic? {
        func problem(_ column: String?, _ message: String) -> Diagnostic {
            Diagnostic(file: file, line: row.line, column: column, message: message)
        }
        let name = row.text(at: relay).trimmingSpaces
        guard !name.isEmpty else { return problem("relay", "expected a relay nickname, found none") }
        var v = [Double](repeating: .nan, count: 4)
        for (k, (col, label)) in [(rss, "rss_gb"), (vmsize, "vmsize_gb"), (hwm, "hwm_gb"), (frag, "frag_ratio")].enumerated() {
            let cell = row.number(at: col)
            if let c = cell.complaint(expected: "a non-negative number") { return problem(label, c) }
            v[k] = cell.number ?? .nan
        }
        let pidCell = row.integer(at: pid)
        if let c = pidCell.complaint(expected: "a process id") { return problem("pid", c) }
        let p = pidCell.number.map { Int($0) }
        if v[0].isNaN {
            notRunning.append(name)
        } else {
            relays.append(SnapshotTable.Relay(name: name, pid: p, rssGB: v[0], vmsizeGB: v[1], hwmGB: v[2], fragRatio: v[3]))
        }
        return nil
    }

    func finish(metadata: CommentMetadata) -> (FileContent, notes: [Diagnostic]) {
        (.snapshot(SnapshotTable(relays: relays, notRunning: notRunning,
                                 collected: metadata.values["collected"].flatMap(TimestampParser.timestamp),
                                 host: metadata.values["host"].flatMap { $0.isEmpty ? nil : $0 })), [])
    }
}
