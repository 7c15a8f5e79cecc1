import TormemCore

/// `tormem status`: every instance, running or not, with PID, RSS, VmSize, HWM (GB, two decimals)
/// and fragmentation ratio, and a total line over the running ones.
public enum StatusTable {
    public static func text(_ snapshot: HostSnapshot) -> String {
        var table = TextTable(columns: [
            .init("INSTANCE"), .init("STATE"), .init("PID", .right), .init("RSS GB", .right),
            .init("VMSIZE GB", .right), .init("HWM GB", .right), .init("FRAG", .right),
        ])
        for r in snapshot.relays {
            let m = r.memory
            table.rows.append([r.instance.name, r.isRunning ? "running" : "not running",
                               r.pid.map { String($0) } ?? "-",
                               gb(m?.rssKB), gb(m?.vmSizeKB), gb(m?.hwmKB),
                               r.fragmentationRatio.map(NumberFormat.ratio) ?? "-"])
        }
        let running = snapshot.running
        func sum(_ f: (MemoryStatus) -> Int?) -> Int? {
            let values = running.compactMap { $0.memory.flatMap(f) }
            return values.isEmpty ? nil : values.saturatingSum()
        }
        table.footer.append(["TOTAL", "\(running.count) of \(snapshot.relays.count)", "",
                             gb(sum { $0.rssKB }), gb(sum { $0.vmSizeKB }), gb(sum { $0.hwmKB }), ""])
        var out = "\(snapshot.server)  \(snapshot.time.iso8601) UTC  \(snapshot.relays.count) instance"
            + (snapshot.relays.count == 1 ? "" : "s") + ", \(running.count) running\n\n"
        out += table.text
        if let avg = snapshot.aggregate.averageKB {
            out += "\naverage RSS per running relay: \(NumberFormat.gb2(Memory(kib: avg))) GB\n"
        }
        return out
    }

    static func gb(_ kb: Int?) -> String { kb.map { NumberFormat.gb2(Memory(kib: $0)) } ?? "-" }

    /// The snapshot as JSON: host, time and one object per instance (memory in KiB).
    public static func json(_ snapshot: HostSnapshot) -> String {
        func int(_ v: Int?) -> JSONValue { v.map(JSONValue.int) ?? .null }
        return JSONValue.object([
            ("server", .string(snapshot.server)), ("timestamp", .string(snapshot.time.iso8601 + "Z")),
            ("instances", .array(snapshot.relays.map { r in
                .object([("instance", .string(r.instance.name)), ("nickname", .string(r.instance.nickname)),
                         ("fingerprint", .string(r.instance.fingerprint)), ("group", .string(r.group)),
                         ("running", .bool(r.isRunning)), ("pid", r.pid.map { .int(Int($0)) } ?? .null),
                         ("rss_kb", int(r.memory?.rssKB)), ("vmsize_kb", int(r.memory?.vmSizeKB)), ("hwm_kb", int(r.memory?.hwmKB)),
                         ("frag_ratio", r.fragmentationRatio.map(JSONValue.number) ?? .null)])
            })),
        ]).text
    }
}
