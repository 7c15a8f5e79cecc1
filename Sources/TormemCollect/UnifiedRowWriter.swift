import TormemCore

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
        let a = snapshot.aggregate
        return CSVText.line([snapshot.time.iso8601, snapshot.server, "aggregate", "", "", "",
                             "", "", "", "",
                             String(a.count), String(a.totalKB), text(a.averageKB), text(a.minKB), text(a.maxKB)])
    }

    public static func relayRow(_ relay: RelayReading, snapshot: HostSnapshot) -> String {
        let m = relay.memory
        return CSVText.line([snapshot.time.iso8601, snapshot.server, "relay",
                             relay.instance.fingerprint, relay.instance.nickname, relay.group,
                             text(m?.rssKB), text(m?.vmSizeKB), text(m?.hwmKB),
                             relay.fragmentationRatio.map(NumberFormat.ratio) ?? "",
                             "", "", "", "", ""])
    }

    private static func text(_ v: Int?) -> String { v.map(String.init) ?? "" }
}
