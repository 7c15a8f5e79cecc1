import Testing
import TormemCore
@testable import TormemKit

/// The query a snapshot folder keeps in tormem.json: beside the chart options, never a secret
/// (a bad one is refused as any bad key is: ChartSettingsTests); a folder without it keeps its bytes.
@Suite struct SnapshotQueryTests {
    @Test func itRoundTripsThroughTormemJSONWithoutCredentials() throws {
        let query = PrometheusQuery(url: "https://user:pw@prom.example/prometheus/", match: "{instance=~\"relay-.*\"}", serverLabel: "host",
                                    timeout: 5, credentials: PrometheusCredentials(bearerTokenFile: "/etc/token", tenant: "t1"))
        var s = ChartSettings()
        s[.since] = .text("2025-09-01")
        s.query = SnapshotQuery(query)
        let text = s.json.text
        #expect(text.contains("\"prometheus\":") && text.contains("\"https://prom.example/prometheus\""), "\(text)")
        for secret in ["user", "pw", "/etc/token", "t1", "timeout"] { #expect(!text.contains(secret), "\(secret)") }
        let back = try ChartSettings(json: Array(text.utf8), file: "tormem.json")
        #expect(back == s)
        #expect(back.arguments == ["--since", "2025-09-01"])   // not a chart option: not in the regenerate command
        let asked = try #require(back.query).query(credentials: PrometheusCredentials(tenant: "t2"), timeout: 7)
        #expect(asked.url == "https://prom.example/prometheus" && asked.match == query.match && asked.serverLabel == "host")
        #expect(asked.credentials.tenant == "t2" && asked.timeout == 7)
        // Not in any chart's fingerprint: a request made from it has no query.
        var request = ChartsRequest(dataPaths: [], outputDirectory: "")
        request.apply(back)
        #expect(request.settings.query == nil)
    }

    @Test func settingsWithoutAQueryWriteTheSameBytes() throws {
        let text = "{\"theme\":\"light\",\"width\":1200}"
        let s = try ChartSettings(json: Array(text.utf8), file: "tormem.json")
        #expect(s.query == nil)
        #expect(s.json.text == (try ChartSettings(json: Array(s.json.text.utf8), file: "t").json.text))
        #expect(!s.json.text.contains("prometheus"))
    }
}
