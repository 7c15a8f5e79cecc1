import Testing
import TormemCore
@testable import TormemData

@Suite struct OpenMetricsWriterTests {
    static func unified(_ rows: String, name: String = "data.csv") throws -> LoadedFile {
        try DataLoader.load(bytes: Array((unifiedHeader + rows).utf8), name: name, metrics: OpenMetricsWriter.metrics)
    }

    @Test func writesTheCollectorsGaugesWithTimestampsAndEOF() throws {
        let f = try Self.unified("""
            2025-09-18T00:00:00,co,aggregate,,,,,,,,2,3000,1500,1000,2000
            2025-09-18T00:00:00,co,relay,F1,one,A,1000,4000,1200,2.5,,,,,
            2025-09-18T00:00:00,co,relay,,two"q,,2000,,,,,,,,
            2025-09-18T01:00:00,co,relay,F1,one,B,1100,4100,1300,,,,,,

            """)
        #expect(try OpenMetricsWriter.text([f]) == #"""
            # HELP tormem_relay_resident_memory_bytes Resident set size of the relay process (VmRSS).
            # TYPE tormem_relay_resident_memory_bytes gauge
            tormem_relay_resident_memory_bytes{instance="co",nickname="one",fingerprint="F1",group="A"} 1024000 1758153600
            tormem_relay_resident_memory_bytes{instance="co",nickname="one",fingerprint="F1",group="B"} 1126400 1758157200
            tormem_relay_resident_memory_bytes{instance="co",nickname="two\"q",fingerprint=""} 2048000 1758153600
            # HELP tormem_relay_virtual_memory_bytes Virtual memory size of the relay process (VmSize).
            # TYPE tormem_relay_virtual_memory_bytes gauge
            tormem_relay_virtual_memory_bytes{instance="co",nickname="one",fingerprint="F1",group="A"} 4096000 1758153600
            tormem_relay_virtual_memory_bytes{instance="co",nickname="one",fingerprint="F1",group="B"} 4198400 1758157200
            # HELP tormem_relay_resident_memory_peak_bytes Peak resident set size of the relay process (VmHWM).
            # TYPE tormem_relay_resident_memory_peak_bytes gauge
            tormem_relay_resident_memory_peak_bytes{instance="co",nickname="one",fingerprint="F1",group="A"} 1228800 1758153600
            tormem_relay_resident_memory_peak_bytes{instance="co",nickname="one",fingerprint="F1",group="B"} 1331200 1758157200
            # HELP tormem_relay_fragmentation_ratio Sum of Size over sum of Rss of the mappings larger than 1000 kB (smaps); 1 means all resident.
            # TYPE tormem_relay_fragmentation_ratio gauge
            tormem_relay_fragmentation_ratio{instance="co",nickname="one",fingerprint="F1",group="A"} 2.5 1758153600
            # HELP tormem_relays_running Number of running relay processes.
            # TYPE tormem_relays_running gauge
            tormem_relays_running{instance="co"} 2 1758153600
            tormem_relays_running{instance="co"} 1 1758157200
            # HELP tormem_relays_resident_memory_bytes Sum of the resident set sizes of the running relays.
            # TYPE tormem_relays_resident_memory_bytes gauge
            tormem_relays_resident_memory_bytes{instance="co"} 3072000 1758153600
            tormem_relays_resident_memory_bytes{instance="co"} 1126400 1758157200
            # HELP tormem_relays_resident_memory_avg_bytes Mean resident set size of the running relays.
            # TYPE tormem_relays_resident_memory_avg_bytes gauge
            tormem_relays_resident_memory_avg_bytes{instance="co"} 1536000 1758153600
            tormem_relays_resident_memory_avg_bytes{instance="co"} 1126400 1758157200
            # HELP tormem_relays_resident_memory_min_bytes Smallest resident set size of the running relays.
            # TYPE tormem_relays_resident_memory_min_bytes gauge
            tormem_relays_resident_memory_min_bytes{instance="co"} 1024000 1758153600
            tormem_relays_resident_memory_min_bytes{instance="co"} 1126400 1758157200
            # HELP tormem_relays_resident_memory_max_bytes Largest resident set size of the running relays.
            # TYPE tormem_relays_resident_memory_max_bytes gauge
            tormem_relays_resident_memory_max_bytes{instance="co"} 2048000 1758153600
            tormem_relays_resident_memory_max_bytes{instance="co"} 1126400 1758157200
            # EOF

            """#)
    }

    @Test func aRelayInTwoFilesIsOneSeriesInTimeOrder() throws {
        let later = try Self.unified("2025-09-18T02:00:00,co,relay,F1,one,,3000,,,,,,,,\n2025-09-18T01:00:00,co,relay,F1,one,,2000,,,,,,,,\n", name: "b.csv")
        let earlier = try Self.unified("2025-09-18T00:00:00,co,relay,F1,one,,1000,,,,,,,,\n2025-09-18T01:00:00,co,relay,F1,one,,9999,,,,,,,,\n", name: "a.csv")
        let text = try OpenMetricsWriter.text([later, earlier])
        let rss = text.split(separator: "\n").filter { $0.hasPrefix("tormem_relay_resident_memory_bytes{") }
        #expect(rss == [
            #"tormem_relay_resident_memory_bytes{instance="co",nickname="one",fingerprint="F1"} 1024000 1758153600"#,
            #"tormem_relay_resident_memory_bytes{instance="co",nickname="one",fingerprint="F1"} 2048000 1758157200"#,    // the first file's
            #"tormem_relay_resident_memory_bytes{instance="co",nickname="one",fingerprint="F1"} 3072000 1758160800"#,
        ])
        #expect(try OpenMetricsWriter.text([later, earlier]) == text)
    }

    @Test func dataWithoutTimeSeriesIsAnInputError() throws {
        let daily = try DataLoader.load(bytes: Array("group,relay,day0,day1\nA,x,1000,1100\n".utf8), name: "daily.csv")
        guard daily.format == .experiment else { Issue.record("not experiment data: \(daily.format)"); return }
        #expect(throws: TormemError.self) { try OpenMetricsWriter.text([daily]) }
    }

    @Test(arguments: [(1024.0 * 1024, "1048576"), (2.5, "2.5"), (1.0 / 3, "0.3333333333333333"), (1e20, "1e+20")])
    func valuesAreWrittenExactly(value: Double, text: String) {
        #expect(OpenMetricsWriter.value(value) == text)
        #expect(Double(text) == value)
    }
}
