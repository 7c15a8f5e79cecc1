import TormemData

/// What a charts run did: files written, the data summary and the warnings, ready to print.
public struct ChartsReport: Sendable {
    public var written: [String]
    public var files: [LoadedFile]
    public var summaries: [MemorySummary]
    public var combined: MemorySummary?
    public var warnings: [Diagnostic]

    public var skippedRows: Int { files.reduce(0) { $0 + $1.skipped } }

    /// The short summary printed after drawing.
    public var text: String {
        var out: [String] = []
        func describe(_ s: MemorySummary, indent: String) {
            let daily = s.start.secondOfDay == 0 && s.end.secondOfDay == 0
            func when(_ t: Timestamp) -> String { daily ? t.date.description : t.dateTimeMinutes }
            let days = Double(s.end.seconds - s.start.seconds) / 86_400
            out.append("\(indent)period       \(when(s.start)) → \(when(s.end)) (\(fixed(days, days < 10 ? 1 : 0)) days)")
            out.append("\(indent)data points  \(s.dataPoints)")
            if s.latestRelays >= 0 {
                out.append("\(indent)relays       \(s.firstRelays) → \(s.latestRelays) (max \(s.maxRelays))")
            }
            let growth = s.growthPercent.map { " (\($0 >= 0 ? "+" : "")\(fixed($0, 1))%)" } ?? ""
            out.append("\(indent)total        \(gb(s.startTotalKB)) → \(gb(s.latestTotalKB))\(growth); peak \(gb(s.peakTotalKB)) on \(when(s.peakTime))")
            var per = "avg \(gb(s.latestAvgKB))"
            if !s.latestMinKB.isNaN { per += " · min \(gb(s.latestMinKB))" }
            if !s.latestMaxKB.isNaN { per += " · max \(gb(s.latestMaxKB))" }
            out.append("\(indent)per relay    \(per) (latest)")
        }
        if summaries.count == 1 {
            out.append("\(summaries[0].name):")
            describe(summaries[0], indent: "  ")
        } else {
            for s in summaries {
                out.append("\(s.name):")
                describe(s, indent: "  ")
            }
            if let c = combined {
                out.append("all \(summaries.count) servers:")
                describe(c, indent: "  ")
            }
        }
        let rows = files.reduce(0) { $0 + $1.rows }
        out.append("rows read    \(rows) from \(files.count) file\(files.count == 1 ? "" : "s")" +
                   (skippedRows > 0 ? ", \(skippedRows) skipped (see warnings)" : ""))
        for w in written { out.append("wrote \(w)") }
        return out.joined(separator: "\n")
    }

    func gb(_ kib: Double) -> String { kib.isNaN ? "–" : fixed(kib / kibPerGB, 2) + " GB" }
}

func fixed(_ v: Double, _ d: Int) -> String {
    var p = 1.0
    for _ in 0..<d { p *= 10 }
    let r = (abs(v) * p).rounded(.toNearestOrAwayFromZero)
    let i = Int(r / p), f = Int(r) - i * Int(p)
    let fs = String(f)
    return (v < 0 && r > 0 ? "-" : "") + String(i) + (d > 0 ? "." + String(repeating: "0", count: d - fs.count) + fs : "")
}
