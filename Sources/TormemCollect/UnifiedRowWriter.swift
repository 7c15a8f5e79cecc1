import TormemCore
import TormemData

/// A collection as rows of the unified format (SPEC §1): one aggregate row, then one row per running
/// relay, all with the collection's timestamp. Empty cells are missing values.
public enum UnifiedRowWriter {
    public static let columns = UnifiedColumns.all

    /// The header line, with its line end.
    public static var header: String { CSVText.line(columns) }

    /// The aggregate row and the relay rows (running relays, by instance name).
    public static func rows(_ snapshot: HostSnapshot) -> String {
        var out = aggregateRow(snapshot)
        for relay in snapshot.running { out += relayRow(relay, snapshot: snapshot) }
        return out
    }

    public static func aggregateRow(_ snapshot: HostSnapshot) -> String {
        let cells = aggregateCells(snapshot)
        return CSVText.line(columns.map { cells[$0] ?? "" })
    }

    /// The aggregate row's cells by column name.
    public static func aggregateCells(_ snapshot: HostSnapshot) -> [String: String] {
        let a = snapshot.aggregate
        return ["timestamp": snapshot.time.iso8601, "server": snapshot.server, "type": "aggregate",
                "count": String(a.count), "total_kb": String(a.totalKB), "avg_kb": text(a.averageKB),
                "min_kb": text(a.minKB), "max_kb": text(a.maxKB)]
    }

    public static func relayRow(_ relay: RelayReading, snapshot: HostSnapshot) -> String {
        let cells = relayCells(relay, snapshot: snapshot)
        return CSVText.line(columns.map { cells[$0] ?? "" })
    }

    /// A relay row's cells by column name.
    public static func relayCells(_ relay: RelayReading, snapshot: HostSnapshot) -> [String: String] {
        let m = relay.memory
        return ["timestamp": snapshot.time.iso8601, "server": snapshot.server, "type": "relay",
                "fingerprint": relay.instance.fingerprint, "nickname": relay.instance.nickname, "group": relay.group,
                // The per-relay quantities, in the columns `--metric` reads them from.
                Metric.rss.column: text(m?.rssKB), Metric.vmsize.column: text(m?.vmSizeKB), Metric.hwm.column: text(m?.hwmKB),
                Metric.frag.column: relay.fragmentationRatio.map(NumberFormat.ratio) ?? "",
                // What the relay gives for its memory.
                UnifiedColumns.started: relay.started?.iso8601 ?? "", UnifiedColumns.allocator: relay.allocator?.column ?? "",
                UnifiedColumns.readBytesDay: text(relay.bandwidth?.readPerDay),
                UnifiedColumns.writtenBytesDay: text(relay.bandwidth?.writtenPerDay),
                UnifiedColumns.flags: relay.consensus?.flagsText ?? "", UnifiedColumns.consensusWeight: text(relay.consensus?.weight)]
    }

    private static func text(_ v: Int?) -> String { v.map(String.init) ?? "" }
}
