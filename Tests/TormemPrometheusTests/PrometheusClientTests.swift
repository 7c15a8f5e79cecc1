import Foundation
import Testing
import TormemCore
import TormemTestSupport
@testable import TormemPrometheus

@Suite struct PrometheusClientTests {
    @Test func aRefusedConnectionNamesTheURLWithoutCredentials() throws {
        let port = try PrometheusServer.freePort()
        let client = PrometheusClient(url: "http://user:secret@127.0.0.1:\(port)/", timeout: 5)
        do {
            _ = try client.query("tormem_relay_resident_memory_bytes[1h]", time: 1_767_337_200)
            Issue.record("nothing listens on \(port)")
        } catch {
            #expect(error.exitCode == 3)
            #expect(error.description == "http://127.0.0.1:\(port)/api/v1/query: cannot connect: connection refused", "\(error)")
            #expect(!error.description.contains("secret"))
        }
    }

    @Test func anURLThatIsNotHTTPIsAUsageError() {
        #expect(throws: TormemError.usage("--prometheus \"ftp://127.0.0.1:9090\": expected an http:// or https:// URL")) {
            try PrometheusClient(url: "ftp://127.0.0.1:9090", timeout: 5).query("up", time: 0)
        }
    }

    @Test(arguments: [
        ("http://a:b@host:9090/prometheus", "http://host:9090/prometheus"),
        ("https://token@host", "https://host"),
        ("http://host:9090/x@y", "http://host:9090/x@y"),
        ("http://host:9090", "http://host:9090"),
    ])
    func messagesNameTheURLWithoutCredentials(url: String, shown: String) {
        #expect(PrometheusClient.withoutCredentials(url) == shown)
    }

    @Test func queryParametersAreFullyEncoded() {
        #expect(PrometheusClient.encoded(#"tormem_relay_resident_memory_bytes{instance=~"a+b.*"}[86401s]"#)
                == "tormem_relay_resident_memory_bytes%7Binstance%3D~%22a%2Bb.%2A%22%7D%5B86401s%5D")
    }
}

/// A server that takes the connection and never answers: `--timeout` ends the wait.
@Suite struct PrometheusClientTimeoutTests {
    /// A loopback socket that listens but never accepts (the kernel completes the handshake).
    static func silentListener() throws -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, 4) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        try #require(fd >= 0 && ok)
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    @Test func aServerThatNeverAnswersTimesOut() throws {
        let (fd, port) = try Self.silentListener()
        defer { close(fd) }
        let started = ContinuousClock.now
        do {
            _ = try PrometheusClient(url: "http://127.0.0.1:\(port)", timeout: 1).query("up[1h]", time: 0)
            Issue.record("an answer from a server that sends none")
        } catch {
            #expect(error.description == "http://127.0.0.1:\(port)/api/v1/query: no answer within 1 s (--timeout)", "\(error)")
        }
        #expect(ContinuousClock.now - started < .seconds(10))
    }
}
