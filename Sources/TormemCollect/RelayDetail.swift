import TormemCore
import TormemData

/// `tormem detail NAME`: every memory field of one relay, its memory-related torrc settings, the
/// allocator it uses, when it started, tor's bandwidth history and its consensus flags and weight.
public struct RelayDetail: Equatable, Sendable {
    public var reading: RelayReading
    public var time: Timestamp
    /// nil when the torrc cannot be read.
    public var settings: TorrcSettings?
    /// nil when the relay is not running.
    public var allocator: Allocator?
    /// Where the memory fields came from (`/proc/PID/status`).
    public var statusPath: String?
    /// The cached consensus the flags and weight come from, when one was found.
    public var consensusPath: String?
    /// Files that were there but could not be used, each named.
    public var warnings: [Diagnostic] = []

    public init(reading: RelayReading, time: Timestamp, settings: TorrcSettings?, allocator: Allocator?,
                statusPath: String? = nil, consensusPath: String? = nil, warnings: [Diagnostic] = []) {
        self.reading = reading; self.time = time; self.settings = settings
        self.allocator = allocator; self.statusPath = statusPath
        self.consensusPath = consensusPath; self.warnings = warnings
    }

    /// Reads the instance `name` now. Unknown names are a usage error listing the known ones.
    public static func read(name: String, collector: Collector) throws(TormemError) -> RelayDetail {
        try read(instance: collector.directory.instance(named: name), collector: collector)
    }

    /// Reads a known instance now.
    public static func read(instance: RelayInstance, collector: Collector) throws(TormemError) -> RelayDetail {
        let (reading, consensusPath, warnings) = try collector.reading(of: instance)
        let allocator = reading.isRunning ? reading.pid.map { AllocatorProbe.probe(pid: $0, proc: collector.proc) } : nil
        return RelayDetail(reading: reading, time: collector.settings.clock.now(),
                           settings: TorrcSettings.load(path: instance.torrcPath), allocator: allocator,
                           statusPath: reading.isRunning ? reading.pid.map { collector.proc.path($0, "status") } : nil,
                           consensusPath: reading.consensus == nil ? nil : consensusPath, warnings: warnings)
    }

    public var text: String {
        let r = reading
        var head = TextTable(columns: [.init(""), .init("")])
        head.rows = [["instance", r.instance.name],
                     ["nickname", r.instance.nickname],
                     ["fingerprint", r.instance.fingerprint.isEmpty ? "(unknown)" : r.instance.fingerprint]]
        if !r.group.isEmpty { head.rows.append(["group", r.group]) }
        head.rows.append(["state", r.isRunning ? "running, pid \(r.pid!)" : "not running"])
        if let started = r.started {
            head.rows.append(["started", started.iso8601 + " UTC (up " + StatusTable.uptime(r.uptime(at: time) ?? 0) + ")"])
        }
        head.rows.append(["time", time.iso8601 + " UTC"])
        var out = dropTitle(head.text)

        out += "\nmemory" + (statusPath.map { " (\($0))" } ?? "") + "\n"
        if let m = r.memory, r.isRunning {
            var table = TextTable(columns: [.init("  FIELD"), .init("KB", .right), .init("GB", .right)])
            for f in m.fields {
                table.rows.append(["  " + f.name, String(f.kilobytes), NumberFormat.gb2(Memory(kib: f.kilobytes))])
            }
            out += table.text
            if let s = r.smaps, let ratio = s.ratio {
                out += "  fragmentation ratio \(NumberFormat.ratio(ratio)) (Size \(s.sizeKB) kB over Rss \(s.rssKB) kB, "
                    + "\(s.mappings) mapping\(s.mappings == 1 ? "" : "s") over \(SmapsRatio.thresholdKB) kB)\n"
            } else if r.smaps != nil {
                out += "  fragmentation ratio: no mapping over \(SmapsRatio.thresholdKB) kB is resident\n"
            } else {
                out += "  fragmentation ratio: unknown (smaps not readable)\n"
            }
        } else {
            out += "  not running\n"
        }

        out += "\ntorrc (\(r.instance.torrcPath))\n"
        if let settings {
            var table = TextTable(columns: [.init(""), .init("")])
            for (key, value) in settings.memorySettings { table.rows.append(["  " + key, value ?? "(not set)"]) }
            out += dropTitle(table.text)
        } else {
            out += "  not readable\n"
        }

        out += "\nallocator: " + (allocator?.description ?? "unknown (not running)") + "\n"
        if r.isRunning { out += factsText }
        return out
    }

    /// Bandwidth (tor's state file) and consensus entry.
    var factsText: String {
        let r = reading
        let state = r.instance.dataDirectory.map { $0 + "/state" }
        var out = "\nbandwidth (tor's last complete interval" + (state.map { ", \($0)" } ?? "") + "; tor writes it now and then)\n"
        if let b = r.bandwidth {
            func line(_ label: String, _ v: Int?) -> String {
                "  \(label)  " + (v.map { "\($0) bytes/day (\(StatusTable.mbits($0)) Mbit/s)" } ?? "unknown") + "\n"
            }
            out += line("read   ", b.readPerDay) + line("written", b.writtenPerDay)
        } else {
            out += "  unknown (no usable BWHistory lines)\n"
        }
        out += "\nconsensus" + (consensusPath.map { " (\($0))" } ?? "") + "\n"
        if let c = r.consensus {
            out += "  flags   " + (c.flags.isEmpty ? "(none)" : c.flagsText) + "\n"
            out += "  weight  " + (c.weight.map(String.init) ?? "unknown") + "\n"
        } else {
            out += "  not listed in a cached consensus\n"
        }
        return out
    }

    /// A table without its (empty) title line.
    private func dropTitle(_ text: String) -> String {
        guard let nl = text.firstIndex(of: "\n") else { return text }
        return String(text[text.index(after: nl)...])
    }
}
