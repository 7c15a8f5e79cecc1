import TormemCSV
import TormemCore

/// Reads rows of the monitor format (`date,time,num_relays,total_mb,...[,total_kb,...]`).
struct MonitorRowReader: RowReader {
    let file: String
    let header: HeaderMap
    private let date, time, relays: Int?
    /// (kb column, mb column) for total, avg, min, max.
    private let metrics: [(name: String, kb: Int?, mb: Int?)]
    private var builder: SeriesBuilder

    init(file: String, header: HeaderMap, server: String? = nil) {
        self.file = file
        self.header = header
        date = header["date"]; time = header["time"]; relays = header["num_relays"]
        metrics = ["total", "avg", "min", "max"].map { ($0, header["\($0)_kb"], header["\($0)_mb"]) }
        builder = SeriesBuilder(server: server ?? serverName(fromPath: file))
    }

    /// Reads one row; returns a diagnostic when the row must be skipped.
    mutating func read(_ row: CSVRow) -> Diagnostic? {
        let file = self.file
        func problem(_ column: String?, _ message: String) -> Diagnostic {
            Diagnostic(file: file, line: row.line, column: column, message: message)
        }
        guard let d = date, let day = row[d].withBytes(TimestampParser.date) else {
            return problem("date", "expected a date YYYY-MM-DD, found \(quoted(row.text(at: date)))")
        }
        var seconds = 0
        if let t = time, !row[t].isEmpty {
            guard let s = row[t].withBytes(TimestampParser.timeOfDay) else {
                return problem("time", "expected a time HH:MM:SS, found \(quoted(row.text(at: time)))")
            }
            seconds = s
        }
        let relayCell = row.integer(at: relays)
        if let c = relayCell.complaint(expected: "a whole number of relays") { return problem("num_relays", c) }
        let count = relayCell.number.map { Int($0) } ?? -1
        var values = [Double](repeating: .nan, count: 4)
        for (k, m) in metrics.enumerated() {
            let kb = row.number(at: m.kb)
            if let c = kb.complaint(expected: "a non-negative number of KiB") { return problem("\(m.name)_kb", c) }
            if let v = kb.number { values[k] = v; continue }
            let mb = row.number(at: m.mb)
            if let c = mb.complaint(expected: "a non-negative number of MiB") { return problem("\(m.name)_mb", c) }
            if let v = mb.number { values[k] = v * 1024 }
        }
        var (total, avg) = (values[0], values[1])
        if total.isNaN, !avg.isNaN, count >= 0 { total = avg * Double(count) }
        if avg.isNaN, !total.isNaN, count > 0 { avg = total / Double(count) }
        if total.isNaN {
            return problem("total_kb", "expected the total memory (total_kb or total_mb), found none")
        }
        let t = Int64(day.daysSinceEpoch) * 86_400 + Int64(seconds)
        builder.add(AggregateSample(time: t, relays: count, totalKB: total, avgKB: avg,
                                    minKB: values[2], maxKB: values[3]), line: row.line)
        return nil
    }

    func finish(metadata: CommentMetadata) -> (FileContent, notes: [Diagnostic]) {
        let (s, notes) = builder.build(file: file)
        return (.monitor(s.isEmpty ? [] : [s]), notes)
    }
}
