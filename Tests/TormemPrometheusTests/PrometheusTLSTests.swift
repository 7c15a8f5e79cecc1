import Foundation
import Testing
import TormemCore
import TormemTestSupport
@testable import TormemPrometheus

/// https with the system's CAs (libcurl's default store): a self-signed certificate is refused with
/// a message that says so.
@Suite(.enabled(if: SelfSignedTLSServer.isInstalled, Comment(rawValue: SelfSignedTLSServer.missing)))
struct PrometheusTLSTests {
    @Test func anUntrustedCertificateIsRefusedClearly() throws {
        let server = try SelfSignedTLSServer()
        defer { server.stop() }
        do {
            _ = try PrometheusClient(url: server.url, timeout: 10, headers: ["Authorization": "Bearer s3cr3t-t0ken"]).query("up[1h]", time: 0)
            Issue.record("a self-signed certificate trusted")
        } catch {
            #expect(error.exitCode == 3)
            #expect(error.description.hasPrefix(server.url + "/api/v1/query: the server's TLS certificate is not trusted ("), "\(error)")
            #expect(error.description.hasSuffix("): is it signed by a CA in the system's store?"), "\(error)")
        }
    }
}
