import Foundation
import Testing
import TormemCore
import TormemTestSupport
@testable import TormemPrometheus

/// Redirects: followed within one origin; with credentials never to another (another scheme, host
/// name or port; `localhost` and `127.0.0.2` are other hosts than `127.0.0.1`), so the
/// `Authorization` header goes nowhere else.
@Suite struct PrometheusRedirectTests {
    static let matrix = HostileReply.matrix([(["instance": "h", "nickname": "a"], [(1_767_225_600, "1048576")])])
    static let token = ["Authorization": "Bearer s3cr3t-t0ken", "X-Scope-OrgID": "team-a"]

    /// A server that redirects `/api/v1/query` to `to(server)` + the same target, and answers a
    /// matrix at `/moved/…`.
    static func redirecting(_ to: @escaping @Sendable (HostileHTTPServer.Request) -> String) throws -> HostileHTTPServer {
        try HostileHTTPServer { request in
            request.path.hasPrefix("/moved") ? matrix : .redirect(to(request))
        }
    }

    @Test func aSameHostRedirectIsFollowedWithTheCredentials() throws {
        let box = PortBox()
        let server = try Self.redirecting { "http://127.0.0.1:\(box.port)/moved" + $0.target }
        defer { server.stop() }
        box.port = server.port
        let answer = try PrometheusClient(url: server.url, timeout: 5, headers: Self.token).query("up[1h]", time: 1_767_225_600)
        #expect(answer.series.count == 1)
        let seen = server.requests
        #expect(seen.count == 2)
        #expect(seen.allSatisfy { $0.headers["authorization"] == "Bearer s3cr3t-t0ken" && $0.headers["x-scope-orgid"] == "team-a" }, "\(seen)")
    }

    @Test(arguments: ["localhost", "127.0.0.2", "other-port"])
    func aRedirectToAnotherHostWithCredentialsIsNotFollowed(to host: String) throws {
        let other = try HostileHTTPServer(host: host == "127.0.0.2" ? "127.0.0.2" : "127.0.0.1", always: Self.matrix)
        defer { other.stop() }
        let box = PortBox()
        let server = try Self.redirecting { _ in
            host == "other-port" ? other.url + "/moved/x" : "http://\(host):\(host == "localhost" ? box.port : other.port)/moved/x"
        }
        defer { server.stop() }
        box.port = server.port
        let target = host == "other-port" ? other.url + "/moved/x" : "http://\(host):\(host == "localhost" ? server.port : other.port)/moved/x"
        do {
            _ = try PrometheusClient(url: server.url, timeout: 5, headers: Self.token).query("up[1h]", time: 1_767_225_600)
            Issue.record("followed to \(target)")
        } catch {
            #expect(error.exitCode == 3)
            #expect(error.description == "\(server.url)/api/v1/query: redirected to \(target) on another host (or port, or scheme): not followed, as the request carries credentials (give that URL to --prometheus if it is meant)", "\(error)")
        }
        #expect(server.requests.count == 1)
        #expect(other.requests.isEmpty, "\(other.requests)")
    }

    @Test func aRedirectToAnotherHostWithoutCredentialsIsFollowed() throws {
        let other = try HostileHTTPServer(host: "127.0.0.2", always: Self.matrix)
        defer { other.stop() }
        let server = try Self.redirecting { _ in other.url + "/moved/x" }
        defer { server.stop() }
        let answer = try PrometheusClient(url: server.url, timeout: 5).query("up[1h]", time: 1_767_225_600)
        #expect(answer.series.count == 1)
        #expect(other.requests.count == 1 && other.requests[0].headers["authorization"] == nil)
    }

    @Test func aUserInTheURLCountsAsCredentials() throws {
        let other = try HostileHTTPServer(host: "127.0.0.2", always: Self.matrix)
        defer { other.stop() }
        let server = try Self.redirecting { _ in other.url + "/moved/x" }
        defer { server.stop() }
        do {
            _ = try PrometheusClient(url: "http://user:pa55@127.0.0.1:\(server.port)", timeout: 5).query("up[1h]", time: 1_767_225_600)
            Issue.record("followed")
        } catch {
            #expect(error.description.contains("on another host (or port, or scheme): not followed"), "\(error)")
            #expect(!error.description.contains("pa55"))
        }
        #expect(other.requests.isEmpty)
    }

    @Test(arguments: [
        ("http://a:1/x", "http://a:1/y", true), ("http://a/x", "http://a:80/y", true), ("http://A:1/x", "http://a:1/y", true),
        ("http://a:1/x", "https://a:1/y", false), ("http://a:1/x", "http://b:1/y", false), ("http://a:1/x", "http://a:2/y", false),
        ("http://127.0.0.1:1/x", "http://localhost:1/y", false),
    ])
    func originsAreSchemeHostAndPort(a: String, b: String, same: Bool) {
        #expect(PrometheusTransfer.sameOrigin(URL(string: a)!, URL(string: b)!) == same)
    }
}

/// A port known only once the server listens.
final class PortBox: @unchecked Sendable {
    var port = 0
}
