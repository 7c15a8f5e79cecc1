import Testing
import TormemData
@testable import TormemCollect

@Suite struct PrometheusWriterTests {
    @Test func relayAndAggregateGaugesWithHelpAndType() throws {
        let text = PrometheusWriter.text(try FakeHost.collector().snapshot())
        let lines = text.split(separator: "\n").map(String.init)
        let a = FakeHost.alpha
        let labels = "{nickname=\"alpha\",fingerprint=\"\(a.fingerprint)\",tor_instance=\"alpha\",group=\"A\"}"
        #expect(lines.contains("tormem_relay_resident_memory_bytes\(labels) \(a.rss * 1024)"))
        #expect(lines.contains("tormem_relay_virtual_memory_bytes\(labels) \(a.size * 1024)"))
        #expect(lines.contains("tormem_relay_resident_memory_peak_bytes\(labels) \(a.hwm * 1024)"))
        #expect(lines.contains("tormem_relay_virtual_memory_peak_bytes\(labels) \(a.peak * 1024)"))
        #expect(lines.contains("tormem_relay_fragmentation_ratio\(labels) \(FakeHost.alphaRatio)"))
        #expect(lines.contains("tormem_relay_running{nickname=\"gamma\",fingerprint=\"\",tor_instance=\"gamma\"} 0"))
        #expect(lines.contains("tormem_relays_running \(FakeHost.running.count)"))
        #expect(lines.contains("tormem_relays_resident_memory_bytes \(FakeHost.running.map(\.rss).reduce(0, +) * 1024)"))
        #expect(lines.contains("tormem_relays_resident_memory_max_bytes \(a.rss * 1024)"))
        #expect(lines.contains("tormem_collection_timestamp_seconds \(FakeHost.time.seconds)"))
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
        #expect(!text.contains("tormem_relay_resident_memory_bytes{nickname=\"gamma\""))
        #expect(!text.contains("tormem_relay_fragmentation_ratio{nickname=\"beta\""))
    }

    /// The gauges `export --openmetrics` writes and `--prometheus` reads are the collector's, with
    /// the same HELP lines: a backfilled history and a scraped one are one series.
    @Test func theGaugesAreThoseExportWritesAndThePrometheusSourceReads() throws {
        let text = PrometheusWriter.text(try FakeHost.collector().snapshot())
        for m in Metric.allCases {
            #expect(text.contains("# HELP \(m.prometheusName) \(m.prometheusHelp)\n# TYPE \(m.prometheusName) gauge\n"), "\(m)")
        }
        for g in PrometheusAggregate.allCases {
            #expect(text.contains("# HELP \(g.name) \(g.help)\n# TYPE \(g.name) gauge\n"), "\(g)")
        }
    }

    /// Out of tor's own namespace (its MetricsPort writes `tor_relay_*`), in base units.
    @Test func theNamesAreTormemsNotTors() throws {
        let text = PrometheusWriter.text(try FakeHost.collector().snapshot())
        let names = Set(text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { String($0.prefix(while: { $0 != "{" && $0 != " " })) })
        #expect(names.count == 18, "\(names.sorted())")
        for n in names {
            #expect(n.hasPrefix("tormem_"), "\(n)")
            #expect(!n.hasSuffix("_total"), "\(n) is a gauge, not a counter")
            // A unit last (bytes, seconds, bytes per day), a ratio or count, or an info-style 1.
            #expect(["_bytes", "_ratio", "_seconds", "_running", "_bytes_per_day", "_weight", "_info", "_flag"].contains { n.hasSuffix($0) }, "\(n)")
        }
        for m in Metric.allCases { #expect(m.prometheusFormerName.hasPrefix("tor_relay_")) }
        for g in PrometheusAggregate.allCases {
            #expect(PrometheusAggregate(prometheusName: g.name) == g && PrometheusAggregate(prometheusName: g.formerName) == g)
        }
    }

    /// What the relays give for their memory: start, bandwidth, weight, and info-style allocator
    /// and flag gauges of value 1, with the relay's labels.
    @Test func theFactGauges() throws {
        let lines = PrometheusWriter.text(try FakeHost.collector().snapshot()).split(separator: "\n").map(String.init)
        let a = "nickname=\"alpha\",fingerprint=\"\(FakeHost.alpha.fingerprint)\",tor_instance=\"alpha\",group=\"A\""
        let b = "nickname=\"beta\",fingerprint=\"\(FakeHost.beta.fingerprint)\",tor_instance=\"beta\",group=\"B\""
        for line in ["tormem_relay_start_time_seconds{\(a)} 1766224800", "tormem_relay_start_time_seconds{\(b)} 1766619000",
                     "tormem_relay_read_bytes_per_day{\(a)} 123456789504", "tormem_relay_written_bytes_per_day{\(a)} 125000000512",
                     "tormem_relay_read_bytes_per_day{\(b)} 1036800000",
                     "tormem_relay_consensus_weight{\(a)} 15000", "tormem_relay_consensus_weight{\(b)} 820",
                     "tormem_relay_allocator_info{\(a),allocator=\"jemalloc\"} 1", "tormem_relay_allocator_info{\(b),allocator=\"glibc\"} 1",
                     "tormem_relay_flag{\(a),flag=\"Guard\"} 1", "tormem_relay_flag{\(b),flag=\"Valid\"} 1"] {
            #expect(lines.contains(line), "\(line)")
        }
        #expect(lines.filter { $0.hasPrefix("tormem_relay_flag{") }.count == 7 + 3)
        #expect(!lines.contains { $0.hasPrefix("tormem_relay_written_bytes_per_day{\(b)") })   // one value only: not known
        #expect(lines.contains("# TYPE tormem_relay_allocator_info gauge") && lines.contains("# TYPE tormem_relay_flag gauge"))

        var mimalloc = try FakeHost.collector().snapshot()
        mimalloc.relays[0].allocator = Allocator(kind: .mimalloc, evidence: .maps, version: "2.0")
        #expect(PrometheusWriter.text(mimalloc).contains("tormem_relay_allocator_info{\(a),allocator=\"mimalloc\",version=\"2.0\"} 1\n"))
    }

    @Test func labelValuesAreEscaped() {
        #expect(PrometheusWriter.escape("a\"b\\c\nd") == "a\\\"b\\\\c\\nd")
        let r = RelayReading(instance: RelayInstance(name: "f\"1\n", directory: "/x", nickname: "q\"x"), group: "g\\1")
        #expect(PrometheusWriter.labels(r) == "{nickname=\"q\\\"x\",fingerprint=\"\",tor_instance=\"f\\\"1\\n\",group=\"g\\\\1\"}")
    }

    @Test func withNothingRunningTheOptionalAggregatesAreLeftOut() {
        let s = HostSnapshot(time: FakeHost.time, server: "h",
                             relays: [RelayReading(instance: RelayInstance(name: "x", directory: "/x"))])
        let text = PrometheusWriter.text(s)
        #expect(text.contains("tormem_relays_running 0\n"))
        #expect(text.contains("tormem_relays_resident_memory_bytes 0\n"))
        #expect(!text.contains("tormem_relays_resident_memory_avg_bytes"))
        #expect(!text.contains("tormem_relay_resident_memory_bytes"))
    }
}
