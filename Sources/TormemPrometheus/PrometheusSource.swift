import Foundation
import TormemCore
import TormemData

/// The relays' raw samples in a Prometheus-compatible server (`--prometheus URL`): the gauges
/// `tormem collect --prometheus` writes (`Metric.prometheusName`) and the names they had before
/// (`prometheusFormerName`, samples stored before the upgrade), narrowed by `match`, the server
/// named by the `serverLabel` label. Read with range selectors
/// (`{__name__=~"tormem_relay_resident_memory_bytes|tor_relay_rss_bytes",…}[86401s]` evaluated at
/// successive times), never resampled at a step: each answer holds the stored samples
/// of one chunk of the window (a day at most, fewer when a series has more than 10,000 samples in
/// one or all series more than 500,000, or when an answer is too large to take). The samples go through a `RelaySampleBuilder` (the aggregate is computed from the relays'
/// RSS where the collector's host gauges, `PrometheusAggregate`, have none) into one `LoadedFile` of unified content, so everything after the read is as for a CSV
/// file of the same samples. The fingerprint is the SHA-256 of the samples read, in a canonical order.
public struct PrometheusSource: DataSource {
    /// The server, the series, the server label, the timeout and the credentials.
    public var query: PrometheusQuery
    /// The per-relay quantities to read (the first analysed); RSS is read too, for the aggregate.
    public var metrics: [Metric]
    /// The folder of the side files (`--side-files DIR`: relay_config.csv, groups/, experiment.json,
    /// events.csv, diagnostics.csv; empty: the current folder); nil: none, groups from the `group` label.
    public var sideFolder: String?
    /// `--strict`: a series or sample left out (no server label, no name, NaN, ±Inf, negative) or a
    /// duplicate with another value fails the run instead of being warned about.
    public var strict = false
    /// Samples a run holds at most, whatever the server sends (about 55 bytes each with what is
    /// built from them: 15 million stay under 1 GB; the 20-host, 200-relay, 30-day fleet at 15
    /// minutes is 11.5 million).
    public var sampleBudget = 15_000_000
    /// The window read when none is given (`--last 30d`), back from now.
    public static let defaultLast: Int64 = 30 * 86_400
    /// Seconds per request at most.
    public var chunk: Int64 = 86_400
    /// Samples per series per answer beyond which the chunks are made shorter.
    public static let pointsPerSeries = 10_000
    /// Samples per answer, all series together, beyond which the chunks are made shorter (a large
    /// fleet never asks for an answer near `PrometheusClient.maxAnswerBytes`).
    public static let pointsPerAnswer = 500_000

    public init(query: PrometheusQuery, metrics: [Metric] = [.rss], sideFolder: String? = nil) {
        self.query = query; self.metrics = metrics; self.sideFolder = sideFolder
    }

    public init(url: String, match: String? = nil, serverLabel: String = PrometheusQuery.defaultServerLabel,
                timeout: Double = PrometheusQuery.defaultTimeout, metrics: [Metric] = [.rss]) {
        self.init(query: PrometheusQuery(url: url, match: match, serverLabel: serverLabel, timeout: timeout), metrics: metrics)
    }

    public var name: String { PrometheusClient(url: query.url, timeout: query.timeout).shown }

    public var caption: String { "Prometheus " + name }

    public func read(window: TimeWindow, windowOptions: String, warn: (Diagnostic) -> Void) throws(TormemError) -> SourceData {
        var side = SideFiles()
        if let sideFolder { side = try SideFiles.load(in: sideFolder) }
        for w in side.warnings { warn(w) }
        let (samples, window, options) = try samples(window: window, windowOptions: windowOptions, warn: warn)
        let (file, digest) = samples.file(path: name)
        for w in file.warnings { warn(w) }
        let cut = try window.apply(to: [file], experimentStart: side.experiment?.start, options: options)
        for n in cut.notes { warn(n) }
        // Events outside the window are not drawn or listed (as for files).
        side.events?.events.removeAll { !cut.applied.contains($0.time.seconds) }
        let entry = SourceFingerprint.Entry(name: name, sha256: digest)
        let sidePaths = side.paths, folder = sideFolder ?? ""
        return SourceData(files: cut.files, side: side, window: cut.applied) { () throws(TormemError) -> SourceFingerprint in
            let sideFiles = try CSVFileSource.fingerprint(paths: [], sidePaths: sidePaths, sideFolder: folder).sideFiles
            return SourceFingerprint(data: [entry], sideFiles: sideFiles)
        }
    }

    /// The samples of the window (`--last 30d` back from now when none is given), as read, with the
    /// window and its options as applied; an input error when there are none.
    func samples(window: TimeWindow, windowOptions: String,
                 warn: (Diagnostic) -> Void) throws(TormemError) -> (PrometheusSamples, TimeWindow, String) {
        let selector = try PrometheusSource.selector(query.match)
        var window = window, options = windowOptions
        if window.since == nil, window.last == nil {
            window.last = PrometheusSource.defaultLast
            options = (options.isEmpty ? "" : options + " ") + "--last 30d"
        }
        let (from, to) = PrometheusSource.bounds(window)
        guard from <= to else {
            throw .input(Diagnostic(file: name, message: "nothing to read: \(options) starts at \(Timestamp(seconds: from)), after now (\(Timestamp(seconds: to)))"))
        }
        let client = PrometheusClient(url: query.url, timeout: query.timeout, headers: try query.credentials.headers(warn: warn))
        var warned = Set<String>()
        var samples = PrometheusSamples(metrics: metrics, serverLabel: query.serverLabel)
        for (k, m) in samples.read.enumerated() {
            try readChunks(client, PrometheusSource.names([m.prometheusName, m.prometheusFormerName], selector),
                           from: from, to: to, warned: &warned, warn: warn) { series throws(TormemError) in
                samples.add(series, metric: k)
                try checkBudget(samples.held)
            }
        }
        let aggregates = PrometheusSource.names(PrometheusAggregate.allCases.flatMap { [$0.name, $0.formerName] }, selector)
        try readChunks(client, aggregates, from: from, to: to, warned: &warned, warn: warn) { series throws(TormemError) in
            samples.addAggregate(series)
            try checkBudget(samples.held)
        }
        var facts = PrometheusFacts(serverLabel: query.serverLabel)
        try readChunks(client, PrometheusSource.names(PrometheusFacts.names, selector), from: from, to: to,
                       warned: &warned, warn: warn) { series in facts.add(series) }
        samples.facts = facts.facts()
        samples.finish()
        let notes = samples.notes(source: name)
        if strict, let first = notes.first {
            throw .input(Diagnostic(file: first.file, message: first.message + " (--strict: nothing is left out)"))
        }
        for n in notes { warn(n) }
        guard samples.count > 0 else {
            let m = samples.read[0]
            throw .input(Diagnostic(file: name, message: "no samples of \(m.prometheusName + selector) (or its former name \(m.prometheusFormerName)) from "
                + "\(Timestamp(seconds: from)) to \(Timestamp(seconds: to)) (\(options)); is `tormem collect --prometheus` scraped, or the data backfilled?"))
        }
        return (samples, window, options)
    }

    /// The seconds a window asks the server for, both inclusive: from `since` (else `last` back
    /// from the end) to `until` (else now).
    public static func bounds(_ window: TimeWindow, now: Int64 = Int64(Date().timeIntervalSince1970)) -> (from: Int64, to: Int64) {
        let to = window.until ?? now
        return (window.since ?? (to - (window.last ?? PrometheusSource.defaultLast)), to)
    }

    /// An input error once more than `sampleBudget` samples are held.
    func checkBudget(_ held: Int) throws(TormemError) {
        guard held > sampleBudget else { return }
        throw .input(Diagnostic(file: name, message: "more than \(NumberFormat.grouped(sampleBudget)) samples in the window: "
            + "more than a run holds in 1 GB; narrow --match or the window (--since, --until, --last)"))
    }

    /// Queries `expr[…]` chunk by chunk from `from` to `to` (inclusive), handing on each series
    /// with only the samples of its chunk (a sample on a chunk's edge is read once); the server's
    /// warnings not in `warned` yet are passed on once.
    func readChunks(_ client: PrometheusClient, _ expr: String, from: Int64, to: Int64, warned: inout Set<String>, warn: (Diagnostic) -> Void,
                    _ take: (PrometheusAnswer.Series) throws(TormemError) -> Void) throws(TormemError) {
        var chunk = max(60, chunk)
        var lower = from    // samples from here (inclusive on the first chunk, exclusive after)
        var first = true
        while first || lower < to {
            let end = min(to, lower + chunk)
            guard let answer = try client.answer("\(expr)[\(end - lower + 1)s]", time: end) else {
                // Too large to take: this chunk again, shorter, down to a minute.
                guard chunk > 60 else { throw client.tooLarge }
                chunk = max(60, chunk / 8)
                continue
            }
            for w in answer.warnings where warned.insert(w).inserted {
                warn(Diagnostic(file: client.shown, message: "the server warns: \(w)"))
            }
            var most = 0, total = 0
            // The current names' series before the former ones', so that of two disagreeing
            // samples at one second the current name's is the one kept.
            let series = answer.series.filter { !PrometheusSource.isFormerName($0.labels["__name__"]) }
                + answer.series.filter { PrometheusSource.isFormerName($0.labels["__name__"]) }
            for var s in series {
                most = max(most, s.samples.count)
                total += s.samples.count
                let low = Double(lower), high = Double(end), isFirst = first
                s.samples.removeAll { isFirst ? $0.time < low : $0.time <= low }
                s.samples.removeAll { $0.time > high }
                try take(s)
            }
            chunk = PrometheusSource.nextChunk(chunk, mostPoints: most, totalPoints: total)
            first = false
            lower = end
        }
    }

    /// The chunk after an answer of `chunk` seconds whose longest series had `mostPoints` samples
    /// and all series `totalPoints`: shorter in proportion when either is above its bound
    /// (`pointsPerSeries`, `pointsPerAnswer`), a minute at least.
    static func nextChunk(_ chunk: Int64, mostPoints: Int, totalPoints: Int = 0) -> Int64 {
        var next = chunk
        if mostPoints > pointsPerSeries { next = min(next, chunk * Int64(pointsPerSeries) / Int64(mostPoints)) }
        if totalPoints > pointsPerAnswer { next = min(next, chunk * Int64(pointsPerAnswer) / Int64(totalPoints)) }
        return max(60, next)
    }

    /// `{__name__=~"a|b",…}`: the series of any of `names`, narrowed by `selector` (`{…}` or empty).
    static func names(_ names: [String], _ selector: String) -> String {
        "{__name__=~\"" + names.joined(separator: "|") + "\"" + (selector.isEmpty ? "}" : "," + selector.dropFirst())
    }

    /// Whether a gauge name is one tormem wrote before leaving tor's `tor_relay_*` namespace.
    static func isFormerName(_ name: String?) -> Bool {
        guard let name, !name.hasPrefix("tormem_") else { return false }
        return Metric.allCases.contains { $0.prometheusFormerName == name }
            || PrometheusAggregate.allCases.contains { $0.formerName == name }
    }

    /// The `{…}` of `--match` (empty for none); a usage error for anything else.
    static func selector(_ match: String?) throws(TormemError) -> String {
        guard let m = match?.trimmingCharacters(in: .whitespaces), !m.isEmpty else { return "" }
        guard m.hasPrefix("{"), m.hasSuffix("}") else {
            throw .usage("--match \(MessageText.quoted(m)): expected label matchers in braces, like {instance=~\"relay-.*\"}")
        }
        return m == "{}" ? "" : m
    }
}
