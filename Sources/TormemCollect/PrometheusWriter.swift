import TormemCore
import TormemData

/// The same numbers as the unified rows, in node_exporter's textfile-collector format: one gauge
/// family per measure with `# HELP` and `# TYPE` lines, relay gauges labelled by nickname and
/// fingerprint (and group when known), label values escaped.
public enum PrometheusWriter {
    public static func text(_ snapshot: HostSnapshot) -> String {
        var out = ""
        func family(_ name: String, _ help: String, _ samples: [(labels: String, value: String)]) {
            guard !samples.isEmpty else { return }
            out += "# HELP \(name) \(help)\n# TYPE \(name) gauge\n"
            for s in samples { out += "\(name)\(s.labels) \(s.value)\n" }
        }
        let running = snapshot.running
        family("tor_relay_running", "Whether the relay's tor process is running (1) or not (0).",
               snapshot.relays.map { (labels($0), $0.isRunning ? "1" : "0") })
        let measures: [(String, String, (MemoryStatus) -> Int?)] = [
            ("tor_relay_rss_bytes", "Resident set size of the relay process (VmRSS).", { $0.rssKB }),
            ("tor_relay_vmsize_bytes", "Virtual memory size of the relay process (VmSize).", { $0.vmSizeKB }),
            ("tor_relay_hwm_bytes", "Peak resident set size of the relay process (VmHWM).", { $0.hwmKB }),
            ("tor_relay_vmpeak_bytes", "Peak virtual memory size of the relay process (VmPeak).", { $0.peakKB }),
        ]
        for (name, help, value) in measures {
            family(name, help, running.compactMap { r in
                r.memory.flatMap(value).map { (labels(r), String($0.saturatingMultiply(1024))) }
            })
        }
        family("tor_relay_fragmentation_ratio",
               "Sum of Size over sum of Rss of the mappings larger than 1000 kB (smaps); 1 means all resident.",
               running.compactMap { r in r.fragmentationRatio.map { (labels(r), "\($0)") } })
        let a = snapshot.aggregate
        family("tor_relays_running", "Number of running relay processes.", [("", String(a.count))])
        family("tor_relays_rss_total_bytes", "Sum of the resident set sizes of the running relays.",
               [("", String(a.totalKB.saturatingMultiply(1024)))])
        let optional: [(String, String, Int?)] = [
            ("tor_relays_rss_avg_bytes", "Mean resident set size of the running relays.", a.averageKB),
            ("tor_relays_rss_min_bytes", "Smallest resident set size of the running relays.", a.minKB),
            ("tor_relays_rss_max_bytes", "Largest resident set size of the running relays.", a.maxKB),
        ]
        for (name, help, kb) in optional {
            family(name, help, kb.map { [("", String($0.saturatingMultiply(1024)))] } ?? [])
        }
        family("tor_memory_collection_timestamp_seconds", "When these numbers were collected (Unix time).",
               [("", String(snapshot.time.seconds))])
        return out
    }

    /// `{nickname="x",fingerprint="F"}` plus `group` when known.
    static func labels(_ r: RelayReading) -> String {
        var pairs = [("nickname", r.instance.nickname), ("fingerprint", r.instance.fingerprint)]
        if !r.group.isEmpty { pairs.append(("group", r.group)) }
        return OpenMetricsWriter.labels(pairs)
    }

    /// Label value escaping of the exposition format (the one `export --openmetrics` writes).
    public static func escape(_ s: String) -> String { OpenMetricsWriter.escape(s) }
}
