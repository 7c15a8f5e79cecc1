import Foundation
import TormemCore
import TormemData
import TormemPrometheus

extension ReportJob {
    /// `report --new NAME --prometheus URL …`: reads the window's samples from the server (every
    /// quantity the collector writes), creates `reportsDir/DATE-HOST-NAME/` with them as its unified
    /// data file (`data.csv`, a snapshot) and the side files of `sideFolder` (none when nil), keeps
    /// the query in `tormem.json` (`SnapshotQuery`; the window as absolute `since` and `until`, a
    /// `--last` resolved against `now`), then runs the folder like any other: from the snapshot, so
    /// `report DIR`, `regenerate` and `--check` need no server. `host` defaults to the
    /// experiment.json of `sideFolder`, else the snapshot's one server; `date` to its start date,
    /// else the window's first day. Nothing is created when the server cannot be read.
    public static func createFromPrometheus(reportsDir: String, name: String, host: String?, date: String?,
                                            query: PrometheusQuery, sideFolder: String?, options: ChartsRequest,
                                            given: ChartSettings = ChartSettings(), now: Int64? = nil,
                                            warn: (Diagnostic) -> Void = { _ in }) throws(TormemError) -> Result {
        let (snapshot, given) = try snapshot(query, settings: given, now: now, warn: warn)
        let first = Timestamp(seconds: snapshot.from).date.description
        let (h, d) = try hostAndDate(host: host, date: date, dir: sideFolder,
                                     fallback: (snapshot.servers.count == 1 ? snapshot.servers[0] : nil, first))
        let path = try newPath(reportsDir: reportsDir, name: name, host: h, date: d)
        let made = try make(path: path, data: ("data.csv", .bytes(snapshot.csv)), sideFolder: sideFolder)
        var kept = given
        kept.query = SnapshotQuery(query)
        return try run(made, options: options, given: kept, warn: warn)
    }

    /// `report DIR --refresh`: the folder's kept query asked again (with this machine's `credentials`
    /// and `timeout`) for its window (`given` may move it: `--since`, `--until`, or `--last`, back
    /// from `now` unless `--until` is given too); the snapshot is replaced (atomically) only once the server has answered, then the
    /// folder is run as `run` does. With `check`, nothing is written: a snapshot the server's
    /// samples would change is stale, besides what `run` finds. A folder without a kept query is a
    /// usage error.
    public static func refresh(_ folder: ReportFolder, options: ChartsRequest, given: ChartSettings = ChartSettings(),
                               credentials: PrometheusCredentials = PrometheusCredentials(),
                               timeout: Double = PrometheusQuery.defaultTimeout, check: CheckMode?, reset: Set<String> = [],
                               now: Int64? = nil, warn: (Diagnostic) -> Void = { _ in }) throws(TormemError) -> Result {
        let stored = try settings(folder, given: ChartSettings()).settings
        guard let kept = stored.query else {
            throw .usage("--refresh: \(folder.path)/\(ChartSettings.fileName) keeps no Prometheus query; only a folder made by `report --new --prometheus URL` can be refreshed")
        }
        guard !folder.dataPath.hasSuffix(".gz") else {
            throw .usage("--refresh: \(folder.dataPath) is compressed; a snapshot is written as plain CSV (data.csv)")
        }
        var window = stored
        // A new `--last` replaces the kept window: back from now (or from an `--until` given).
        if given.text(.last) != nil { window[.since] = nil; window[.until] = nil }
        window = window.merging(given)
        if let p = window.problem { throw .usage("\(folder.path)/\(ChartSettings.fileName) with the options given: \(p)") }
        let (snapshot, resolved) = try snapshot(kept.query(credentials: credentials, timeout: timeout), settings: window, now: now, warn: warn)
        var given = given
        for key in [ChartSettings.Key.since, .until, .last] { given[key] = resolved[key] }
        let old = FileManager.default.contents(atPath: folder.dataPath).map { [UInt8]($0) }
        let changed = old != snapshot.csv
        if check != nil {
            var result = try run(folder, options: options, given: given, check: check, reset: reset, warn: warn)
            if changed { result.stale.insert("\(folder.dataPath): the server's samples differ from the snapshot (report DIR --refresh rewrites it)", at: 0) }
            return result
        }
        if changed { try AtomicFile.write(snapshot.csv, to: folder.dataPath) }
        do {
            var result = try run(folder, options: options, given: given, check: nil, reset: reset, warn: warn)
            if changed { result.written.insert(folder.dataPath, at: 0) }
            return result
        } catch {
            // The snapshot goes with its charts: back to the one they were drawn from.
            if changed, let old { try? AtomicFile.write(old, to: folder.dataPath) }
            throw error
        }
    }

    /// The snapshot of `settings`' window (`since`, `until`, `last`; default the last 30 days) and
    /// the settings with that window made absolute: `since` and `until` as given when given, else
    /// the times read; no `last`.
    static func snapshot(_ query: PrometheusQuery, settings: ChartSettings, now: Int64?,
                         warn: (Diagnostic) -> Void) throws(TormemError) -> (PrometheusSnapshot, ChartSettings) {
        var request = ChartsRequest(dataPaths: [], outputDirectory: "")
        request.apply(settings)
        let source = PrometheusSource(query: query, metrics: OpenMetricsWriter.metrics)
        let snapshot = try source.snapshot(window: request.window, windowOptions: request.windowOptions,
                                           now: now ?? Int64(Date().timeIntervalSince1970), warn: warn)
        var out = settings
        if settings.text(.since) == nil || settings.text(.last) != nil { out[.since] = .text(Timestamp(seconds: snapshot.from).iso8601) }
        if settings.text(.until) == nil { out[.until] = .text(Timestamp(seconds: snapshot.to).iso8601) }
        out[.last] = nil
        return (snapshot, out)
    }
}
