import Foundation
import Testing
import TormemCore
import TormemData
import TormemTestSupport
@testable import TormemPrometheus

/// The source against a real Prometheus backfilled with `export --openmetrics` of a fixture: the
/// same relays, samples and aggregates as the CSV file, whatever the chunks.
@Suite(.serialized, .enabled(if: PrometheusServer.isInstalled, Comment(rawValue: PrometheusServer.missing)))
struct PrometheusSourceTests {
    static let synthetic = Fixtures.url("synthetic/unified_12relays_7days.csv")
    /// The synthetic fixture's span (its samples are hourly, 2025-12-26T08:00 to 2026-01-02T07:00).
    static let window = TimeWindow(since: 1_766_707_200, until: 1_767_337_200)

    static func csv(_ path: String, metric: Metric = .rss) throws -> LoadedFile {
        let data = try CSVFileSource(paths: [path], metrics: [metric]).read(window: window, windowOptions: "--since … --until …", warn: { _ in })
        return try #require(data.files.first)
    }

    static func server(_ path: String) throws -> PrometheusServer {
        let files = try CSVFileSource(paths: [path], metrics: OpenMetricsWriter.metrics).read().files
        return try PrometheusServer(openMetrics: try OpenMetricsWriter.text(files))
    }

    static func read(_ source: PrometheusSource) throws -> (SourceData, [Diagnostic]) {
        var warnings: [Diagnostic] = []
        let data = try source.read(window: window, windowOptions: "--since … --until …") { warnings.append($0) }
        return (data, warnings)
    }

    /// The error `body` throws (nil when it throws none, or another type).
    static func failure(_ body: () throws -> Void) -> TormemError? {
        do { try body() } catch let e as TormemError { return e } catch { Issue.record("\(error)") }
        return nil
    }

    func expectSame(_ a: LoadedFile, _ b: LoadedFile) {
        #expect(a.relays.relays.count == b.relays.relays.count)
        for (x, y) in zip(a.relays.relays, b.relays.relays) {
            #expect(x.info == y.info)
            #expect(x.times == y.times, "\(x.info.displayName)")
            #expect(x.values == y.values, "\(x.info.displayName)")
            #expect(x.groupSpans == y.groupSpans, "\(x.info.displayName)")
        }
        #expect(a.servers == b.servers)
    }

    @Test func readsTheSamplesTheCSVFileHolds() throws {
        let server = try Self.server(Self.synthetic)
        defer { server.stop() }
        let (data, warnings) = try Self.read(PrometheusSource(url: server.url))
        #expect(warnings.isEmpty, "\(warnings)")
        let file = try #require(data.files.first)
        let csv = try Self.csv(Self.synthetic)
        #expect(file.relays.relays.count == 12)
        #expect(file.relays.relays.map(\.count).reduce(0, +) == csv.relays.relays.map(\.count).reduce(0, +))
        expectSame(file, csv)
        #expect(data.window?.from == Self.window.since && data.window?.to == Self.window.until)

        // Another quantity, read with RSS for the aggregate.
        let (hwm, _) = try Self.read(PrometheusSource(url: server.url, metrics: [.hwm]))
        expectSame(try #require(hwm.files.first), try Self.csv(Self.synthetic, metric: .hwm))
    }

    @Test func chunkEdgesLoseAndRepeatNoSample() throws {
        let server = try Self.server(Self.synthetic)
        defer { server.stop() }
        var source = PrometheusSource(url: server.url)
        let (daily, _) = try Self.read(source)
        // Five hours: every fifth hourly sample falls on an edge between two answers.
        source.chunk = 5 * 3600
        let (short, warnings) = try Self.read(source)
        #expect(warnings.isEmpty, "\(warnings)")
        expectSame(try #require(short.files.first), try #require(daily.files.first))
        #expect(try short.fingerprint() == daily.fingerprint())
    }

    @Test func theFingerprintIsThatOfTheSamples() throws {
        let server = try Self.server(Self.synthetic)
        defer { server.stop() }
        let all = try Self.read(PrometheusSource(url: server.url)).0.fingerprint()
        #expect(all == (try Self.read(PrometheusSource(url: server.url + "/")).0.fingerprint()))
        #expect(all.data.count == 1 && all.data[0].name == server.url && all.sideFiles.isEmpty)
        #expect(all.data[0].sha256.count == 64)
        let fewer = try Self.read(PrometheusSource(url: server.url, match: #"{group="A"}"#)).0
        #expect(try fewer.fingerprint() != all)
        #expect(fewer.files[0].relays.relays.count == 3)
        #expect(Set(fewer.files[0].relays.relays.map(\.info.group)) == ["A"])
    }

    @Test func aMatchThatSelectsNothingSaysSo() throws {
        let server = try Self.server(Self.synthetic)
        defer { server.stop() }
        let error = try #require(Self.failure { _ = try Self.read(PrometheusSource(url: server.url, match: #"{instance="nowhere"}"#)) })
        #expect(error.exitCode == 3)
        #expect(error.description.hasPrefix(server.url + ": "), "\(error)")
        #expect(error.description.contains(#"no samples of tormem_relay_resident_memory_bytes{instance="nowhere"}"#), "\(error)")
    }

    @Test func anHTTPErrorShowsPrometheusErrorTypeAndMessage() throws {
        let server = try Self.server(Self.synthetic)
        defer { server.stop() }
        let error = try #require(Self.failure { _ = try Self.read(PrometheusSource(url: server.url, match: #"{instance=~"("}"#)) })
        #expect(error.exitCode == 3)
        #expect(error.description.hasPrefix(server.url + "/api/v1/query: HTTP 400: bad_data: "), "\(error)")
        #expect(error.description.contains("parse error") || error.description.contains("error parsing regexp"), "\(error)")
    }

    /// OpenMetrics text (without `# EOF`) backfilled into a real server, read back from `t0` for six
    /// hours: the data, the warnings, the server's URL.
    static func readSixHours(_ text: String, from t0: Int64) throws -> (SourceData, [Diagnostic], String) {
        let server = try PrometheusServer(openMetrics: text + "# EOF\n")
        defer { server.stop() }
        var warnings: [Diagnostic] = []
        let data = try PrometheusSource(url: server.url).read(window: TimeWindow(since: t0, until: t0 + 6 * 3600),
                                                             windowOptions: "--since … --until …") { warnings.append($0) }
        return (data, warnings, server.url)
    }

    /// What the collector never writes, read from a real server: NaN, infinite and negative samples
    /// are left out, a relay in two series (another `job`) is one relay, series without the server
    /// label or a name are left out; each with one warning.
    @Test func unusableSamplesAndDuplicateSeriesAreWarnedAbout() throws {
        let t0: Int64 = 1_767_225_600    // 2026-01-01T00:00
        var text = "# TYPE tormem_relay_resident_memory_bytes gauge\n"
        let a = #"{instance="h",nickname="a",job="x"}"#, copy = #"{instance="h",nickname="a",job="y"}"#
        for (k, v) in ["1048576", "NaN", "+Inf", "-5", "2097152"].enumerated() { text += "tormem_relay_resident_memory_bytes\(a) \(v) \(t0 + Int64(k) * 3600)\n" }
        for k in [0, 4, 5] { text += "tormem_relay_resident_memory_bytes\(copy) 3145728 \(t0 + Int64(k) * 3600)\n" }
        text += #"tormem_relay_resident_memory_bytes{nickname="nohost"} 1048576 1767225600"# + "\n"
        text += #"tormem_relay_resident_memory_bytes{instance="h"} 1048576 1767225600"# + "\n"
        let (data, warnings, url) = try Self.readSixHours(text, from: t0)
        let relays = data.files[0].relays.relays
        #expect(relays.count == 1)
        #expect(relays.first?.times == [t0, t0 + 4 * 3600, t0 + 5 * 3600])
        // At 0 h and 4 h both series have a value (one is kept); at 5 h only the second.
        #expect(relays.first?.values.last == 3072)
        let messages = warnings.map(\.message)
        #expect(messages.contains("1 series without a instance label (--server-label) left out"), "\(messages)")
        #expect(messages.contains("1 series without a nickname or fingerprint label left out"), "\(messages)")
        #expect(messages.contains("3 samples that are NaN, infinite or negative left out"), "\(messages)")
        #expect(messages.contains("2 samples of a relay at a second already read with another value (duplicate series) merged: the first kept"), "\(messages)")
        #expect(warnings.allSatisfy { $0.file == url })
    }

    /// A relay under the current and the former name of its gauges (samples scraped before and
    /// after the upgrade, a backfill over scraped days): one relay; at a second both names hold, the
    /// same value is one sample without a warning, another value is merged with one, the current
    /// name's kept. The host gauges likewise.
    @Test func currentAndFormerNamesAreOneSeries() throws {
        let t0: Int64 = 1_767_225_600    // 2026-01-01T00:00
        let l = #"{instance="h",nickname="a",fingerprint="AAAA"}"#
        var text = "# TYPE tormem_relay_resident_memory_bytes gauge\n"
        for k in [1, 2, 3] { text += "tormem_relay_resident_memory_bytes\(l) \(k == 3 ? 9 : k) \(t0 + Int64(k) * 3600)\n" }
        text += "# TYPE tor_relay_rss_bytes gauge\n"
        for k in [0, 1, 2, 3] { text += "tor_relay_rss_bytes\(l) \(k) \(t0 + Int64(k) * 3600)\n" }
        text += "# TYPE tormem_relays_resident_memory_bytes gauge\n"
        for k in [1, 2] { text += "tormem_relays_resident_memory_bytes{instance=\"h\"} \(k) \(t0 + Int64(k) * 3600)\n" }
        text += "# TYPE tor_relays_rss_total_bytes gauge\n"
        for k in [0, 1] { text += "tor_relays_rss_total_bytes{instance=\"h\"} \(k) \(t0 + Int64(k) * 3600)\n" }
        let (data, warnings, _) = try Self.readSixHours(text, from: t0)
        let relays = data.files[0].relays.relays
        #expect(relays.count == 1)
        #expect(relays.first?.times == [t0, t0 + 3600, t0 + 7200, t0 + 10800])
        #expect(relays.first?.values == [0, 1, 2, 9].map { Double($0) / 1024 })
        #expect(data.files[0].servers.first?.totalKB == [0, 1, 2, 9].map { Double($0) / 1024 })
        #expect(warnings.map(\.message) == ["1 samples of a relay at a second already read with another value (duplicate series) merged: the first kept"])
    }

    /// A series of a sample every 5 seconds (17,280 a day): the chunks shrink to about 10,000
    /// samples an answer after the first, and every sample is read once.
    @Test func denseSeriesAreReadInShorterChunks() throws {
        #expect(PrometheusSource.nextChunk(86_400, mostPoints: 17_281) == 49_997)
        #expect(PrometheusSource.nextChunk(86_400, mostPoints: 10_000) == 86_400)
        #expect(PrometheusSource.nextChunk(600, mostPoints: 1_000_000) == 60)
        let t0: Int64 = 1_767_225_600
        var text = "# TYPE tormem_relay_resident_memory_bytes gauge\n"
        let n = 2 * 17_280
        for k in 0..<n { text += #"tormem_relay_resident_memory_bytes{instance="h",nickname="a"} "# + "\(1024 * (1000 + k)) \(t0 + Int64(k) * 5)\n" }
        text += "# EOF\n"
        let server = try PrometheusServer(openMetrics: text)
        defer { server.stop() }
        let data = try PrometheusSource(url: server.url).read(window: TimeWindow(since: t0, until: t0 + 2 * 86_400),
                                                             windowOptions: "--since … --until …", warn: { Issue.record("\($0)") })
        let r = try #require(data.files.first?.relays.relays.first)
        #expect(r.count == n)
        #expect(r.times == (0..<n).map { t0 + Int64($0) * 5 })
        #expect(r.values.first == 1000 && r.values.last == Double(1000 + n - 1))
    }
}
