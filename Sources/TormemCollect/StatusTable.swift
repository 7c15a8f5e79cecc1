import TormemCore

/// `tormem status`: every instance, running or not, with PID, RSS, VmSize, HWM (GB, two decimals)
/// and fragmentation ratio, and a total line over the running ones; then what each relay gives for
/// its memory: start and uptime, allocator, bandwidth (Mbit/s), consensus weight and flags.
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
        if !snapshot.relays.isEmpty { out += "\n" + factsTable(snapshot) }
        return out
    }

    /// Start (UTC) and uptime, allocator, bandwidth read and written (Mbit/s, tor's last complete
    /// interval), consensus weight and flags of each instance.
    static func factsTable(_ snapshot: HostSnapshot) -> String {
        var table = TextTable(columns: [
            .init("INSTANCE"), .init("STARTED"), .init("UPTIME", .right), .init("ALLOCATOR"),
            .init("READ MBIT/S", .right), .init("WRITE MBIT/S", .right), .init("WEIGHT", .right), .init("FLAGS"),
        ])
        for r in snapshot.relays {
            table.rows.append([r.instance.name, r.started?.iso8601 ?? "-", r.uptime(at: snapshot.time).map(uptime) ?? "-",
                               r.allocator.map { $0.column.isEmpty ? "-" : $0.column } ?? "-",
                               mbits(r.bandwidth?.readPerDay), mbits(r.bandwidth?.writtenPerDay),
                               r.consensus?.weight.map(String.init) ?? "-",
                               r.consensus.map { $0.flags.isEmpty ? "(none)" : $0.flagsText } ?? "-"])
        }
        return table.text
    }

    /// `4d 16h`, `5h 07m`, `42m`.
    public static func uptime(_ seconds: Int64) -> String {
        let minutes = seconds / 60, hours = minutes / 60, days = hours / 24
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        if days > 0 { return "\(days)d \(two(hours % 24))h" }
        if hours > 0 { return "\(hours)h \(two(minutes % 60))m" }
        return "\(minutes)m"
    }

    /// Bytes per day as Mbit/s, two decimals; `-` when unknown.
    public static func mbits(_ bytesPerDay: Int?) -> String {
        bytesPerDay.map { NumberFormat.fixed(Double($0) * 8 / 86_400 / 1_000_000, decimals: 2) } ?? "-"
    }

    static func gb(_ kb: Int?) -> String { kb.map { NumberFormat.gb2(Memory(kib: $0)) } ?? "-" }

    /// The snapshot as JSON: host, time and one object per instance (memory in KiB, bandwidth in
    /// bytes per day, uptime in seconds).
    public static func json(_ snapshot: HostSnapshot) -> String {
        JSONValue.object([
            ("server", .string(snapshot.server)), ("timestamp", .string(snapshot.time.iso8601 + "Z")),
            ("instances", .array(snapshot.relays.map { instanceJSON($0, at: snapshot.time) })),
        ]).text
    }

    static func instanceJSON(_ r: RelayReading, at time: Timestamp) -> JSONValue {
        func int(_ v: Int?) -> JSONValue { v.map(JSONValue.int) ?? .null }
        let memory: [(String, JSONValue)] = [
            ("instance", .string(r.instance.name)), ("nickname", .string(r.instance.nickname)),
            ("fingerprint", .string(r.instance.fingerprint)), ("group", .string(r.group)),
            ("running", .bool(r.isRunning)), ("pid", r.pid.map { .int(Int($0)) } ?? .null),
            ("rss_kb", int(r.memory?.rssKB)), ("vmsize_kb", int(r.memory?.vmSizeKB)), ("hwm_kb", int(r.memory?.hwmKB)),
            ("frag_ratio", r.fragmentationRatio.map(JSONValue.number) ?? .null),
        ]
        let started: JSONValue = r.started.map { .string($0.iso8601 + "Z") } ?? .null
        let uptime: JSONValue = r.uptime(at: time).map { .int(Int($0)) } ?? .null
        let allocator: JSONValue = r.allocator.flatMap { $0.column.isEmpty ? nil : JSONValue.string($0.column) } ?? .null
        let flags: JSONValue = r.consensus.map { .array($0.flags.map(JSONValue.string)) } ?? .null
        let facts: [(String, JSONValue)] = [
            ("started", started), ("uptime_s", uptime), ("allocator", allocator),
            ("read_bytes_day", int(r.bandwidth?.readPerDay)), ("written_bytes_day", int(r.bandwidth?.writtenPerDay)),
            ("flags", flags), ("consensus_weight", int(r.consensus?.weight)),
        ]
        return .object(memory + facts)
    }
}
