import Testing
import TormemData
@testable import TormemCollect

@Suite struct PrometheusWriterTests {
    @Test func relayAndAggregateGaugesWithHelpAndType() throws {
        let text = PrometheusWriter.text(try FakeHost.collector().snapshot())
        let lines = text.split(separator: "\n").map(String.init)
        let a = FakeHost.alpha
        let labels = "{nickname=\"alpha\",fingerprint=\"\(a.fingerprint)\",group=\"A\"}"
        #expect(lines.contains("tor_relay_rss_bytes\(labels) \(a.rss * 1024)"))
        #expect(lines.contains("tor_relay_vmsize_bytes\(labels) \(a.size * 1024)"))
        #expect(lines.contains("tor_relay_hwm_bytes\(labels) \(a.hwm * 1024)"))
        #expect(lines.contains("tor_relay_vmpeak_bytes\(labels) \(a.peak * 1024)"))
        #expect(lines.contains("tor_relay_fragmentation_ratio\(labels) \(FakeHost.alphaRatio)"))
        #expect(lines.contains("tor_relay_running{nickname=\"gamma\",fingerprint=\"\"} 0"))
        #expect(lines.contains("tor_relays_running \(FakeHost.running.count)"))
        #expect(lines.contains("tor_relays_rss_total_bytes \(FakeHost.running.map(\.rss).reduce(0, +) * 1024)"))
        #expect(lines.contains("tor_relays_rss_max_bytes \(a.rss * 1024)"))
        #expect(lines.contains("tor_memory_collection_timestamp_seconds \(FakeHost.time.seconds)"))
        // Every sample's family has HELP and TYPE lines before it.
        var declared = Set<String>()
        for line in lines {
            if line.hasPrefix("# TYPE ") {
                let parts = line.split(separator: " ")
                #expect(parts.count == 4 && parts[3] == "gauge")
                declared.insert(String(parts[2]))
            } else if !line.hasPrefix("# HELP ") {
                let name = String(line.prefix(while: { $0 != "{" && $0 != " " }))
                #expect(declared.contains(name), "\(name) used before its TYPE line")
            }
        }
        // Not running relays have no memory samples; beta has no fragmentation sample.
        #expect(!text.contains("tor_relay_rss_bytes{nickname=\"gamma\""))
        #expect(!text.contains("tor_relay_fragmentation_ratio{nickname=\"beta\""))
    }

    /// The gauges `export --openmetrics` writes and `--prometheus` reads are the collector's, with
    /// the same HELP lines: a backfilled history and a scraped one are one series.
    @Test func theGaugesAreThoseExportWritesAndThePrometheusSourceReads() throws {
        let text = PrometheusWriter.text(try FakeHost.collector().snapshot())
        for m in Metric.allCases {
            #expect(text.contains("# HELP \(m.prometheusName) \(m.prometheusHelp)\n# TYPE \(m.prometheusName) gauge\n"), "\(m)")
        }
        for name in ["tor_relays_running", "tor_relays_rss_total_bytes", "tor_relays_rss_avg_bytes",
                     "tor_relays_rss_min_bytes", "tor_relays_rss_max_bytes"] {
            let help = try #require(text.split(separator: "\n").first { $0.hasPrefix("# HELP \(name) ") })
            #expect(OpenMetricsWriter.aggregateHelp[name] == String(help.dropFirst("# HELP \(name) ".count)), "\(name)")
        }
    }

    @Test func labelValuesAreEscaped() {
        #expect(PrometheusWriter.escape("a\"b\\c\nd") == "a\\\"b\\\\c\\nd")
        let r = RelayReading(instance: RelayInstance(name: "x", directory: "/x", nickname: "q\"x"), group: "g\\1")
        #expect(PrometheusWriter.labels(r) == "{nickname=\"q\\\"x\",fingerprint=\"\",group=\"g\\\\1\"}")
    }

    @Test func withNothingRunningTheOptionalAggregatesAreLeftOut() {
        let s = HostSnapshot(time: FakeHost.time, server: "h",
                             relays: [RelayReading(instance: RelayInstance(name: "x", directory: "/x"))])
        let text = PrometheusWriter.text(s)
        #expect(text.contains("tor_relays_running 0\n"))
        #expect(text.contains("tor_relays_rss_total_bytes 0\n"))
        #expect(!text.contains("tor_relays_rss_avg_bytes"))
        #expect(!text.contains("tor_relay_rss_bytes"))
    }
}
