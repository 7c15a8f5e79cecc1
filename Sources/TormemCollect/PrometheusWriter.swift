import TormemCore
import TormemData

/// The same numbers as the unified rows, in node_exporter's textfile-collector format: one gauge
/// family per measure with `# HELP` and `# TYPE` lines, relay gauges labelled by nickname,
/// fingerprint, the tor-instance folder (`tor_instance`) and group when known, label values escaped.
/// The names (`tormem_*`, out of tor's own `tor_relay_*`) are `Metric.prometheusName`,
/// `PrometheusAggregate` and `PrometheusGauge`.
public enum PrometheusWriter {
    public static func text(_ snapshot: HostSnapshot) -> String {
        var out = ""
        func family(_ name: String, _ help: String, _ samples: [(labels: String, value: String)]) {
            guard !samples.isEmpty else { return }
            out += "# HELP \(name) \(help)\n# TYPE \(name) gauge\n"
            for s in samples { out += "\(name)\(s.labels) \(s.value)\n" }
        }
        let running = snapshot.running
        family(PrometheusGauge.running, "Whether the relay's tor process is running (1) or not (0).",
               snapshot.relays.map { (labels($0), $0.isRunning ? "1" : "0") })
        let measures: [(String, String, (MemoryStatus) -> Int?)] = [
            (Metric.rss.prometheusName, Metric.rss.prometheusHelp, { $0.rssKB }),
            (Metric.vmsize.prometheusName, Metric.vmsize.prometheusHelp, { $0.vmSizeKB }),
            (Metric.hwm.prometheusName, Metric.hwm.prometheusHelp, { $0.hwmKB }),
            (PrometheusGauge.virtualMemoryPeak, "Peak virtual memory size of the relay process (VmPeak).", { $0.peakKB }),
        ]
        for (name, help, value) in measures {
            family(name, help, running.compactMap { r in
                r.memory.flatMap(value).map { (labels(r), String($0.saturatingMultiply(1024))) }
            })
        }
        family(Metric.frag.prometheusName, Metric.frag.prometheusHelp,
               running.compactMap { r in r.fragmentationRatio.map { (labels(r), "\($0)") } })
        facts(running, family)
        let a = snapshot.aggregate
        for g in PrometheusAggregate.allCases {
            let kb: Int?
            switch g {
            case .running: family(g.name, g.help, [("", String(a.count))]); continue
            case .total: kb = a.totalKB
            case .avg: kb = a.averageKB
            case .min: kb = a.minKB
            case .max: kb = a.maxKB
            }
            family(g.name, g.help, kb.map { [("", String($0.saturatingMultiply(1024)))] } ?? [])
        }
        family(PrometheusGauge.collectionTimestamp, "When these numbers were collected (Unix time).",
               [("", String(snapshot.time.seconds))])
        return out
    }

    /// The gauges of what the relays give for their memory: start time, bandwidth history,
    /// consensus weight, and the info-style allocator and flag gauges (value 1).
    static func facts(_ running: [RelayReading],
                      _ family: (String, String, [(labels: String, value: String)]) -> Void) {
        family(PrometheusGauge.startTime, "When the relay process started (Unix time; /proc/PID/stat and btime).",
               running.compactMap { r in r.started.map { (labels(r), String($0.seconds)) } })
        family(PrometheusGauge.readBytesPerDay, "Bytes the relay read in tor's last complete bandwidth-history interval, per day (its state file).",
               running.compactMap { r in r.bandwidth?.readPerDay.map { (labels(r), String($0)) } })
        family(PrometheusGauge.writtenBytesPerDay, "Bytes the relay wrote in tor's last complete bandwidth-history interval, per day (its state file).",
               running.compactMap { r in r.bandwidth?.writtenPerDay.map { (labels(r), String($0)) } })
        family(PrometheusGauge.consensusWeight, "The relay's weight (w Bandwidth=) in the newest cached consensus.",
               running.compactMap { r in r.consensus?.weight.map { (labels(r), String($0)) } })
        family(PrometheusGauge.allocatorInfo, "The allocator the relay process has mapped (/proc/PID/maps); always 1.",
               running.compactMap { r in
                   guard let a = r.allocator, a.kind != .unknown else { return nil }
                   var extra = [("allocator", a.kind.rawValue)]
                   if let v = a.version { extra.append(("version", v)) }
                   return (labels(r, extra), "1")
               })
        family(PrometheusGauge.flag, "A flag of the relay in the newest cached consensus; always 1.",
               running.flatMap { r in (r.consensus?.flags ?? []).map { (labels(r, [("flag", $0)]), "1") } })
    }

    /// `{nickname="x",fingerprint="F",tor_instance="folder"}` plus `group` when known, then `extra`.
    static func labels(_ r: RelayReading, _ extra: [(String, String)] = []) -> String {
        var pairs = [("nickname", r.instance.nickname), ("fingerprint", r.instance.fingerprint),
                     (PrometheusGauge.instanceFolderLabel, r.instance.name)]
        if !r.group.isEmpty { pairs.append(("group", r.group)) }
        return OpenMetricsWriter.labels(pairs + extra)
    }

    /// Label value escaping of the exposition format (the one `export --openmetrics` writes).
    public static func escape(_ s: String) -> String { OpenMetricsWriter.escape(s) }
}
