import TormemCore

/// Time series data (unified or monitor files) as OpenMetrics text with timestamps, ending in
/// `# EOF`, for `promtool tsdb create-blocks-from openmetrics`: the gauges and labels of
/// `tormem collect --prometheus` (`nickname`, `fingerprint`, `group` when known), and `instance`
/// naming the server. One family after another, its series sorted by their labels, each series'
/// samples in time order (a relay in several files is one series; of two samples at one time the
/// first given is kept), so the same data gives the same bytes.
public enum OpenMetricsWriter {
    /// The relay gauges written, in this order.
    public static let metrics: [Metric] = [.rss, .vmsize, .hwm, .frag]

    /// The text of `files`; an input error for a file that holds no time series.
    public static func text(_ files: [LoadedFile]) throws(TormemError) -> String {
        var bytes: [UInt8] = []
        var sink = TextSink { block throws(TormemError) in bytes += block }
        try write(files, into: &sink)
        try sink.flush()
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes the text of `files` into `sink`, series by series (never the whole text at once); an
    /// input error, before anything is written, for a file that holds no time series.
    public static func write(_ files: [LoadedFile], into sink: inout TextSink) throws(TormemError) {
        for f in files {
            switch f.content {
            case .unified, .monitor: continue
            case .experiment, .snapshot:
                throw .input(Diagnostic(file: f.path, message: "\(f.format.rawValue) data has no time series to export; expected a unified or monitor file"))
            }
        }
        let relays = relaySeries(files)
        for m in metrics {
            try family(&sink, m.prometheusName, m.prometheusHelp, relays.map(\.0)) { i in
                samples(relays[i].1) { s in s.values(of: m).map { v in v.map(m.prometheusValue) } }
            }
        }
        try writeFacts(relays, into: &sink)
        let servers = serverSeries(files)
        for g in PrometheusAggregate.allCases {
            let values: (AggregateSeries) -> [Double]
            switch g {
            case .running: values = { s in s.relays.map { $0 < 0 ? .nan : Double($0) } }
            case .total: values = { $0.totalKB.map { $0 * 1024 } }
            case .avg: values = { $0.avgKB.map { $0 * 1024 } }
            case .min: values = { $0.minKB.map { $0 * 1024 } }
            case .max: values = { $0.maxKB.map { $0 * 1024 } }
            }
            try family(&sink, g.name, g.help, servers.map(\.0)) { i in
                merged(servers[i].1.map { s in (s.times, values(s)) })
            }
        }
        try sink.write("# EOF\n")
    }

    /// Relay series by their label text, sorted; a relay in several files has several parts.
    static func relaySeries(_ files: [LoadedFile]) -> [(String, [RelaySeries])] {
        var parts: [String: [RelaySeries]] = [:]
        for f in files {
            for r in f.relays.relays {
                // A relay whose group changes is one series per group, as the collector's gauges are.
                for part in groupParts(r) {
                    var pairs = [("instance", part.info.server), ("nickname", part.info.nickname),
                                 ("fingerprint", part.info.fingerprint)]
                    if !part.info.group.isEmpty { pairs.append(("group", part.info.group)) }
                    parts[labels(pairs), default: []].append(part)
                }
            }
        }
        return parts.keys.sorted().map { ($0, parts[$0]!) }
    }

    /// The relay's samples cut where its group changes, each part with its group in `info`.
    static func groupParts(_ r: RelaySeries) -> [RelaySeries] {
        guard !r.groupSpans.isEmpty else { return [r] }
        var out: [RelaySeries] = []
        var start = 0
        while start < r.count {
            let g = r.group(at: r.times[start]) ?? r.info.group
            var end = start + 1
            while end < r.count, (r.group(at: r.times[end]) ?? r.info.group) == g { end += 1 }
            var part = r.slice(start..<end)
            part.info.group = g
            part.groupSpans = []
            out.append(part)
            start = end
        }
        return out
    }

    static func serverSeries(_ files: [LoadedFile]) -> [(String, [AggregateSeries])] {
        var parts: [String: [AggregateSeries]] = [:]
        for f in files {
            for s in f.servers { parts[labels([("instance", s.server)]), default: []].append(s) }
        }
        return parts.keys.sorted().map { ($0, parts[$0]!) }
    }

    /// The samples of a relay's parts: times and the values of one quantity (nil: not held).
    static func samples(_ parts: [RelaySeries], _ values: (RelaySeries) -> [Double]?) -> [(Int64, Double)] {
        merged(parts.compactMap { p in values(p).map { (p.times, $0) } })
    }

    /// Parts merged in time order; NaN left out; of two samples at one time the first part's kept.
    static func merged(_ parts: [([Int64], [Double])]) -> [(Int64, Double)] {
        var out: [(Int64, Double)] = []
        for (times, values) in parts {
            for (t, v) in zip(times, values) where v.isFinite { out.append((t, v)) }
        }
        if parts.count > 1 {
            out = out.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element)
        }
        var unique: [(Int64, Double)] = []
        unique.reserveCapacity(out.count)
        for s in out where unique.last?.0 != s.0 { unique.append(s) }
        return unique
    }

    /// A family: its `# HELP` and `# TYPE` lines, then each series of `labels` with the samples
    /// `samples(i)` makes for it, one series at a time; nothing when every series is empty.
    static func family(_ sink: inout TextSink, _ name: String, _ help: String, _ labels: [String],
                       _ samples: (Int) -> [(Int64, Double)]) throws(TormemError) {
        var started = false
        for (i, l) in labels.enumerated() {
            let list = samples(i)
            guard !list.isEmpty else { continue }
            if !started {
                try sink.write("# HELP \(name) \(help)\n# TYPE \(name) gauge\n")
                started = true
            }
            let prefix = name + l + " "
            var lines = ""
            for (t, v) in list { lines += prefix + value(v) + " " + String(t) + "\n" }
            try sink.write(lines)
        }
    }

    /// A value as the text format writes it: a whole number without a fraction, else the shortest
    /// text that reads back as the same double.
    static func value(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 9.0e15 { return String(Int64(v)) }
        return "\(v)"
    }

    /// `{a="x",b="y"}`.
    public static func labels(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { "\($0.0)=\"\(escape($0.1))\"" }.joined(separator: ",") + "}"
    }

    /// Label value escaping of the exposition formats: backslash, double quote, line feed.
    public static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
