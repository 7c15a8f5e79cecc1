import Testing
import TormemCore
import TormemTestSupport
@testable import TormemPrometheus

@Suite struct PrometheusClientTests {
    @Test func aRefusedConnectionNamesTheURLWithoutCredentials() throws {
        let port = try PrometheusServer.freePort()
        let client = PrometheusClient(url: "http://user:secret@127.0.0.1:\(port)/", timeout: 5)
        do {
            _ = try client.query("tor_relay_rss_bytes[1h]", time: 1_767_337_200)
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
        #expect(PrometheusClient.encoded(#"tor_relay_rss_bytes{instance=~"a+b.*"}[86401s]"#)
                == "tor_relay_rss_bytes%7Binstance%3D~%22a%2Bb.%2A%22%7D%5B86401s%5D")
    }
}
