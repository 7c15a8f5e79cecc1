import Foundation
import Testing
import TormemCore
import TormemData
import TormemTestSupport
@testable import TormemPrometheus

/// The source against the tests' own server: the credentials reach it as headers, its warnings are
/// printed once, unusable samples and duplicate series are warned about, and the run goes on.
@Suite struct PrometheusSourceHostileTests {
    static let t0: Int64 = 1_767_225_600    // 2026-01-01T00:00
    static let window = TimeWindow(since: t0, until: t0 + 6 * 3600)

    /// Relay `a` in two series (another `job`), with a NaN, an infinite and a negative sample; no
    /// aggregate gauges; the server warns of a partial answer every time.
    static func server() throws -> HostileHTTPServer {
        let a = ["__name__": "tor_relay_rss_bytes", "instance": "h", "nickname": "a", "job": "x"]
        var copy = a
        copy["job"] = "y"
        let relays = HostileReply.matrix([
            (a, [(t0, "1048576"), (t0 + 3600, "NaN"), (t0 + 7200, "+Inf"), (t0 + 10800, "-5"), (t0 + 14400, "2097152")]),
            (copy, [(t0, "3145728"), (t0 + 18000, "3145728")]),
        ], warnings: ["partial answer: one store did not reply"])
        let none = HostileReply.matrix([], warnings: ["partial answer: one store did not reply"])
        return try HostileHTTPServer { $0.target.contains("relays_running") ? none : relays }
    }

    @Test func warningsAreOnceAndBadSamplesAreLeftOut() throws {
        let server = try Self.server()
        defer { server.stop() }
        var warnings: [Diagnostic] = []
        let data = try PrometheusSource(url: server.url).read(window: Self.window, windowOptions: "--since … --until …") { warnings.append($0) }
        let relay = try #require(data.files.first?.relays.relays.first)
        #expect(data.files[0].relays.relays.count == 1)
        #expect(relay.times == [Self.t0, Self.t0 + 14400, Self.t0 + 18000])
        #expect(relay.values == [1024, 2048, 3072])
        #expect(warnings.map(\.message) == [
            "the server warns: partial answer: one store did not reply",
            "3 samples that are NaN, infinite or negative left out",
            "1 samples of a relay at a second already read with another value (duplicate series) merged: the first kept",
        ], "\(warnings)")
        #expect(server.requests.count == 3)   // the relays' memory, the host gauges, the facts
    }

    /// `--strict`: what would be left out with a warning fails the run, naming the server.
    @Test func strictFailsOnWhatWouldBeLeftOut() throws {
        let server = try Self.server()
        defer { server.stop() }
        var source = PrometheusSource(url: server.url)
        source.strict = true
        do {
            _ = try source.read(window: Self.window, windowOptions: "--since … --until …") { _ in }
            Issue.record("no error under --strict")
        } catch {
            #expect(error.exitCode == 3)
            #expect(error.description.contains("3 samples that are NaN, infinite or negative left out (--strict: nothing is left out)"), "\(error)")
            #expect(error.description.hasPrefix(server.url), "\(error)")
        }
    }

    /// More samples than a run may hold: an input error naming the server, whatever it sends.
    @Test func moreSamplesThanTheBudgetStopTheRun() throws {
        let server = try Self.server()
        defer { server.stop() }
        var source = PrometheusSource(url: server.url)
        source.sampleBudget = 3    // the server sends 4 usable samples
        do {
            _ = try source.read(window: Self.window, windowOptions: "--since … --until …") { _ in }
            Issue.record("no error past the budget")
        } catch {
            #expect(error.exitCode == 3)
            #expect(error.description == "\(server.url): more than 3 samples in the window: more than a run holds in 1 GB; narrow --match or the window (--since, --until, --last)", "\(error)")
        }
        source.sampleBudget = 4
        _ = try source.read(window: Self.window, windowOptions: "--since … --until …") { _ in }
    }

    @Test(arguments: [false, true])
    func theCredentialsReachTheServer(basic: Bool) throws {
        let server = try Self.server()
        defer { server.stop() }
        let path = NSTemporaryDirectory() + "tormem-secret-\(UUID().uuidString.prefix(8))"
        try Data((basic ? "prom:s3cr3t\n" : "s3cr3t-t0ken\n").utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o600)
        defer { unlink(path) }
        let credentials = basic ? PrometheusCredentials(basicAuthFile: path, tenant: "team-a")
                                : PrometheusCredentials(bearerTokenFile: path, tenant: "team-a")
        let source = PrometheusSource(query: PrometheusQuery(url: server.url, credentials: credentials))
        _ = try source.read(window: Self.window, windowOptions: "--since … --until …") { _ in }
        let expected = basic ? "Basic " + Data("prom:s3cr3t".utf8).base64EncodedString() : "Bearer s3cr3t-t0ken"
        #expect(server.requests.count == 3)   // the relays' memory, the host gauges, the facts
        for r in server.requests {
            #expect(r.method == "GET" && r.path == "/api/v1/query")
            #expect(r.headers["authorization"] == expected)
            #expect(r.headers["x-scope-orgid"] == "team-a")
        }
    }

    /// Answers of many points make the next chunks shorter, all series together.
    @Test func chunksShrinkOnTheTotalPointsOfAnAnswer() {
        #expect(PrometheusSource.nextChunk(86_400, mostPoints: 96, totalPoints: 1_000_000) == 43_200)
        #expect(PrometheusSource.nextChunk(86_400, mostPoints: 20_000, totalPoints: 1_000_000) == 43_200)
        #expect(PrometheusSource.nextChunk(86_400, mostPoints: 96, totalPoints: 500_000) == 86_400)
        #expect(PrometheusSource.nextChunk(600, mostPoints: 96, totalPoints: 800_000_000) == 60)
    }

    /// An answer too large to take is asked again in chunks an eighth as long.
    @Test func aTooLargeAnswerIsAskedAgainInShorterChunks() throws {
        let relays = HostileReply.matrix([(["instance": "h", "nickname": "a"], [(Self.t0 + 3600, "1048576")])])
        let server = try HostileHTTPServer { request in
            request.target.contains("%5B86401s%5D") ? .cutShort(declared: PrometheusClient.maxAnswerBytes + 1, body: []) : relays
        }
        defer { server.stop() }
        let data = try PrometheusSource(url: server.url).read(window: TimeWindow(since: Self.t0, until: Self.t0 + 86_400),
                                                             windowOptions: "--since … --until …", warn: { Issue.record("\($0)") })
        #expect(data.files.first?.relays.relays.first?.times == [Self.t0 + 3600])
        #expect(server.requests.count == 3 * 9, "\(server.requests.map(\.target))")
    }
}
