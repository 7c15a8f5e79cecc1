import TormemCore
import TormemData

extension PrometheusSamples {
    /// The samples as a unified CSV file (the collector's columns, `UnifiedColumns.all`), written
    /// so that reading it gives what `file(path:)` gives: collection by collection (times sorted),
    /// each server (sorted) with its aggregate row where the collector's gauges have a total, then
    /// its relays' rows in the order `file` feeds them (by server and identity), every quantity read
    /// in its column, an empty cell where a quantity has no sample. A relay time without RSS has no
    /// row (`file` leaves it out too). The same samples give the same bytes.
    func unifiedCSV() -> [UInt8] {
        let columns = UnifiedColumns.all
        func at(_ name: String) -> Int { columns.firstIndex(of: name)! }
        let metricColumn = read.map { at($0.column) }
        let (time, serverAt, type, fingerprint, nickname, group) = (at("timestamp"), at("server"), at("type"), at("fingerprint"), at("nickname"), at("group"))
        let count = at("count"), aggregate = ["total_kb", "avg_kb", "min_kb", "max_kb"].map(at)
        let keys = relays.keys.sorted()
        let factColumns = UnifiedColumns.facts.map(at)
        let list = keys.map { relays[$0]! }
        // Each relay's samples with RSS, by time.
        let order: [[Int]] = list.map { r in r.times.indices.filter { !r.values[0][$0].isNaN }.sorted { r.times[$0] < r.times[$1] } }
        var times = Set<Int64>()
        for (r, o) in zip(list, order) { for i in o { times.insert(r.times[i]) } }
        for (_, samples) in aggregates { for (t, v) in samples where !v[1].isNaN { times.insert(t) } }
        let servers = Set(list.map(\.server)).union(aggregates.keys).sorted()
        let relaysOf = Dictionary(grouping: list.indices, by: { list[$0].server })
        var cursor = [Int](repeating: 0, count: list.count)
        var out = Array(CSVText.line(columns).utf8)
        var cells = [String](repeating: "", count: columns.count)
        func emit() {
            out += CSVText.line(cells).utf8
            for i in cells.indices { cells[i] = "" }
        }
        for t in times.sorted() {
            let stamp = Timestamp(seconds: t).iso8601
            for server in servers {
                if let v = aggregates[server]?[t], !v[1].isNaN {
                    cells[time] = stamp; cells[serverAt] = server; cells[type] = "aggregate"
                    cells[count] = v[0].isNaN ? "" : String(Int(v[0]))
                    for (k, c) in aggregate.enumerated() { cells[c] = PrometheusSamples.cell(v[k + 1]) }
                    emit()
                }
                for j in relaysOf[server] ?? [] {
                    let r = list[j]
                    guard cursor[j] < order[j].count, r.times[order[j][cursor[j]]] == t else { continue }
                    let i = order[j][cursor[j]]
                    cursor[j] += 1
                    cells[time] = stamp; cells[serverAt] = server; cells[type] = "relay"
                    cells[fingerprint] = r.fingerprint; cells[nickname] = r.nickname; cells[group] = self.group(r, i)
                    for (k, c) in metricColumn.enumerated() { cells[c] = PrometheusSamples.cell(r.values[k][i]) }
                    if let f = facts[keys[j]] { PrometheusSamples.factCells(f, at: t, into: &cells, columns: factColumns) }
                    emit()
                }
            }
        }
        return out
    }

    /// The fact cells of a relay row at `t`: each fact's reading in force then, as the collector
    /// writes it (so reading the snapshot back gives the same readings).
    static func factCells(_ f: RelayFacts, at t: Int64, into cells: inout [String], columns: [Int]) {
        if let v = RelayFacts.value(f.starts, at: t) { cells[columns[0]] = Timestamp(seconds: v).iso8601 }
        if let v = RelayFacts.value(f.allocators, at: t) { cells[columns[1]] = v }
        if let v = RelayFacts.value(f.bandwidth, at: t) {
            cells[columns[2]] = cell(v.readPerDay)
            cells[columns[3]] = cell(v.writtenPerDay)
        }
        if let v = RelayFacts.value(f.flags, at: t) { cells[columns[4]] = v }
        if let v = RelayFacts.value(f.weights, at: t) { cells[columns[5]] = cell(v) }
    }

    /// A stored value as a cell: whole numbers without a fraction (as the collector writes KiB),
    /// others in the shortest form that reads back as the same number; empty for none.
    static func cell(_ v: Double) -> String {
        if v.isNaN { return "" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }
}
