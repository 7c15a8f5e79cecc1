import Foundation
import Testing
import TormemCore
import TormemData
import TormemTestSupport

/// The whole way a fleet's numbers take: `tormem collect --prometheus` writes node_exporter's
/// textfile, a real node_exporter serves it, a real Prometheus scrapes it every second, and
/// `tormem-charts --prometheus` draws the relays of the fake host's `/proc` from the server.
@Suite(.serialized, .enabled(if: PrometheusServer.isInstalled && NodeExporterServer.isInstalled,
                             Comment(rawValue: PrometheusServer.missing + "; " + NodeExporterServer.missing)))
struct PrometheusScrapeTests {
    /// `Fixtures/collect/`: a fake host with two running relays (alpha in group A, beta in B).
    static let fakeHost = ["--proc-root", Fixtures.url("collect/proc"), "--instances-dir", Fixtures.url("collect/instances"),
                           "--process-instances-dir", "/etc/tor/instances", "--config", Fixtures.url("collect/relay_config.csv")]

    /// The number of scraped samples of the RSS gauge (nil when the server cannot be asked).
    static func scraped(_ server: PrometheusServer) -> Int? {
        let query = "count_over_time(\(Metric.rss.prometheusName)[1h])"
        let link = server.url + "/api/v1/query?query=" + query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        guard let answer = PrometheusServer.get(link), answer.status == 200,
              let doc = try? JSONParser.parse(Array(answer.body.utf8)),
              case .array(let results)? = doc.object?["data"]?.object?["result"] else { return nil }
        return results.compactMap { r -> Int? in
            guard case .array(let pair)? = r.object?["value"], pair.count == 2, let text = pair[1].string else { return nil }
            return Int(text)
        }.min()
    }

    @Test func theCollectorsTextfileScrapedIsDrawn() throws {
        let exporter = try NodeExporterServer()
        defer { exporter.stop() }
        let server = try PrometheusServer(scraping: exporter.target, instance: "fakehost")
        defer { server.stop() }
        let collected = try run(["collect", "--prometheus", exporter.textfileFolder + "/tormem.prom"] + Self.fakeHost,
                                executable: executable("tormem"))
        #expect(collected.status == 0, "\(collected.stderr)")
        #expect(exporter.metrics.contains(Metric.rss.prometheusName + "{"), "node_exporter does not serve the textfile")
        // Scraped every second: wait for a few samples of each relay.
        let deadline = Date().addingTimeInterval(60)
        while (Self.scraped(server) ?? 0) < 3, Date() < deadline { usleep(250_000) }
        #expect((Self.scraped(server) ?? 0) >= 3, "Prometheus scraped no samples")

        let folder = try temporaryFolder()
        let drawn = try run(["--prometheus", server.url, "--last", "1h", "--output-dir", folder + "/charts", "--json", "-"])
        #expect(drawn.status == 0, "\(drawn.stderr)")
        let doc = try #require(try JSONParser.parse(Array(drawn.stdout.utf8)).object)
        #expect(doc["relays"] == .number(2))
        guard case .array(let servers)? = doc["servers"] else { Issue.record("no servers"); return }
        #expect(servers.compactMap { $0.object?["name"]?.string } == ["fakehost"])
        guard case .array(let groups)? = doc["groups"] else { Issue.record("no groups"); return }
        #expect(groups.compactMap { $0.object?["id"]?.string } == ["A", "B"])
        // alpha's VmRSS is 1,572,864 kB (1.5 GiB), beta's 524,288 kB (0.5 GiB): every sample the same.
        let ends = groups.compactMap { g -> Double? in
            guard case .number(let v)? = g.object?["mean_end_gb"] else { return nil }
            return v
        }
        #expect(ends.count == 2 && abs(ends[0] - 1.5) < 1e-9 && abs(ends[1] - 0.5) < 1e-9, "\(ends)")
        #expect(listing(folder + "/charts").contains("memory_usage.png"))
    }
}
