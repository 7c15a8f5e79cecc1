import Testing
@testable import TormemData
import TormemCore

@Suite struct InputFormatTests {
    @Test func detectsAllFourFormats() {
        #expect(InputFormat.detect(header: ["date", "time", "num_relays", "total_mb", "avg_mb", "min_mb", "max_mb",
                                            "total_kb", "avg_kb", "min_kb", "max_kb"]) == .monitor)
        #expect(InputFormat.detect(header: ["timestamp", "server", "type", "fingerprint", "nickname", "group",
                                            "rss_kb", "vmsize_kb", "hwm_kb", "frag_ratio", "count", "total_kb",
                                            "avg_kb", "min_kb", "max_kb"]) == .unified)
        #expect(InputFormat.detect(header: ["group", "relay", "day0", "day1", "day5"]) == .experiment)
        #expect(InputFormat.detect(header: ["relay", "pid", "rss_gb", "vmsize_gb", "hwm_gb", "frag_ratio"]) == .snapshot)
        #expect(InputFormat.detect(header: [" Date ", "TIME", "num_relays", "total_mb"]) == .monitor)
        #expect(InputFormat.detect(header: ["relay", "pid"]) == nil)
    }

    @Test func detectsEveryFixtureHeader() throws {
        let expected: [(String, InputFormat)] = [
            ("synthetic/monitor_daily_120.csv", .monitor),
            ("synthetic/unified_12relays_7days.csv", .unified),
            ("synthetic/experiment_25relays.csv", .experiment),
            ("synthetic/snapshot_60relays.csv", .snapshot),
            ("real-2025-09-18/measurements.csv", .unified),
        ]
        for (file, format) in expected {
            let loaded = try DataLoader.load(path: fixture(file))
            #expect(loaded.format == format, "\(file)")
        }
    }

    @Test func unknownHeaderListsKnownFormats() {
        let message = InputFormat.unknownHeaderMessage(found: ["a", "b"])
        for format in InputFormat.allCases {
            #expect(message.contains(format.rawValue))
        }
        #expect(throws: TormemError.self) { try DataLoader.load(bytes: Array("a,b\n1,2\n".utf8), name: "x.csv") }
    }

    @Test func dayColumns() {
        #expect(InputFormat.dayIndex("day0") == 0)
        #expect(InputFormat.dayIndex("day12") == 12)
        #expect(InputFormat.dayIndex("dayx") == nil)
        #expect(InputFormat.dayIndex("rss") == nil)
    }

    @Test func theCollectorsColumnsAreDetectedAsUnified() {
        #expect(InputFormat.detect(header: UnifiedColumns.all) == .unified)
        #expect(Set(UnifiedColumns.identifying + UnifiedColumns.aggregateEither).isSubset(of: UnifiedColumns.all))
        // Without its aggregate columns a unified header is not recognised.
        #expect(InputFormat.detect(header: UnifiedColumns.identifying) == nil)
    }
}
