import Foundation
import Testing
import TormemCore
import TormemTestSupport
@testable import TormemPrometheus

/// The client against a hostile HTTP server of the tests' own: every bad answer is an input error
/// (exit 3) naming the URL, with a message that says what went wrong.
@Suite struct PrometheusBadAnswerTests {
    static let query = "tor_relay_rss_bytes[1h]"

    /// The message of the error one query to `server` throws (nil, recorded, when it answers).
    static func failure(_ url: String, timeout: Double = 5, headers: [String: String] = [:]) -> String? {
        do {
            _ = try PrometheusClient(url: url, timeout: timeout, headers: headers).query(query, time: 1_767_337_200)
            Issue.record("\(url) answered")
            return nil
        } catch {
            #expect(error.exitCode == 3, "\(error)")
            return error.description
        }
    }

    static func failure(_ reply: HostileReply, timeout: Double = 5, headers: [String: String] = [:]) throws -> (String, String)? {
        let server = try HostileHTTPServer(always: reply)
        defer { server.stop() }
        return failure(server.url, timeout: timeout, headers: headers).map { ($0, server.url + "/api/v1/query: ") }
    }

    @Test(arguments: [
        (HostileReply.prometheusError(status: 503, type: "unavailable", error: "too many queries"), "HTTP 503: unavailable: too many queries"),
        (.prometheusError(status: 500, type: "internal", error: "disk full"), "HTTP 500: internal: disk full"),
        (.answer(status: 200, headers: [("Content-Type", "text/html")], body: Array("<html><body><form>Sign in</form></body></html>".utf8)),
         #"not a Prometheus JSON response: it starts "<html><body><form>Sign in</form></body></html>""#),
        (.answer(status: 200, headers: [], body: [0xFF, 0x00, 0x13, 0x37]), "not a Prometheus JSON response: it starts"),
        (.answer(status: 200, headers: [], body: []), "not a Prometheus JSON response: an empty body"),
        (.raw(Array("garbage that is no HTTP at all\r\n\r\n".utf8)), "the server's answer is not HTTP"),
        (.raw([]), "the server closed the connection without an answer"),
        (.cutShort(declared: 10_000, body: Array(#"{"status":"success","data":{"resultType":"matrix","result":[{"metric""#.utf8)),
         "the connection was closed before the answer ended (transfer closed with 9931 bytes remaining to read)"),
        (.answer(status: 401, headers: [("WWW-Authenticate", "Basic realm=\"prometheus\"")], body: []),
         "HTTP 401: the server asks for credentials: give --bearer-token-file or --basic-auth-file (and --tenant for a multi-tenant engine)"),
        (.answer(status: 403, headers: [], body: Array("Forbidden".utf8)),
         "HTTP 403: the server asks for credentials: give --bearer-token-file or --basic-auth-file (and --tenant for a multi-tenant engine)"),
    ])
    func aBadAnswerIsAnInputErrorNamingTheURL(reply: HostileReply, says: String) throws {
        guard let (message, prefix) = try Self.failure(reply) else { return }
        #expect(message.hasPrefix(prefix), "\(message)")
        #expect(message.contains(says), "\(message)")
    }

    @Test func refusedCredentialsSaySoWithPrometheusMessage() throws {
        let reply = HostileReply.prometheusError(status: 401, type: "unauthorized", error: "bad token")
        let (message, prefix) = try #require(try Self.failure(reply, headers: ["Authorization": "Bearer s3cr3t-t0ken"]))
        #expect(message == prefix + "HTTP 401: the server refused the credentials (check --bearer-token-file, --basic-auth-file, --tenant) (unauthorized: bad token)")
        #expect(!message.contains("s3cr3t"))
    }

    @Test func anUnresolvableHostSaysSo() {
        let message = Self.failure("http://nothing.invalid:9090")
        #expect(message == "http://nothing.invalid:9090/api/v1/query: cannot resolve the host name", "\(message ?? "")")
    }

    @Test func aBodyWithoutEndEndsAtTheCap() throws {
        let piece = [UInt8](repeating: UInt8(ascii: " "), count: 1 << 16)
        // The cap ends it, not the timeout (long: a loaded machine takes minutes for 32 MiB).
        let (message, prefix) = try #require(try Self.failure(.endless(piece: piece, every: 0), timeout: 900))
        #expect(message == prefix + "the answer is larger than 32 MiB; narrow --match or the window")
    }

    @Test func aDeclaredLengthAboveTheCapIsRefusedAtOnce() throws {
        let server = try HostileHTTPServer(always: .cutShort(declared: PrometheusClient.maxAnswerBytes + 1, body: Array("{".utf8)))
        defer { server.stop() }
        let message = Self.failure(server.url)
        #expect(message == server.url + "/api/v1/query: the answer is larger than 32 MiB; narrow --match or the window")
    }

    @Test func aBodyThatTricklesForeverEndsAtTheTimeout() throws {
        let started = ContinuousClock.now
        let (message, prefix) = try #require(try Self.failure(.endless(piece: Array(" ".utf8), every: 0.1), timeout: 2))
        #expect(message == prefix + "no answer within 2 s (--timeout)")
        #expect(ContinuousClock.now - started < .seconds(20))    // 2 s, and a loaded machine
    }

    @Test func aChunkedAnswerIsRead() throws {
        let text = #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"instance":"h"},"values":[[1767225600,"1048576"]]}]}}"#
        let bytes = Array(text.utf8)
        let server = try HostileHTTPServer(always: .chunked([Array(bytes[..<20]), Array(bytes[20..<50]), Array(bytes[50...])]))
        defer { server.stop() }
        let answer = try PrometheusClient(url: server.url, timeout: 5).query(Self.query, time: 1_767_225_600)
        #expect(answer.series.count == 1 && answer.series[0].samples.first?.value == 1_048_576)
    }
}
