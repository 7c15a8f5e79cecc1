import Testing
import TormemCore
@testable import TormemData

/// The fact columns of unified relay rows become each relay's readings, changes only.
struct FactCellReaderTests {
    static let header = "timestamp,server,type,fingerprint,nickname,group,rss_kb,count,total_kb,started,allocator,read_bytes_day,written_bytes_day,flags,consensus_weight\n"
    static let fp = String(repeating: "AB", count: 20)

    static func row(_ hour: Int, started: String = "2026-02-28T03:00:00", allocator: String = "jemalloc",
                    read: String = "440000000000", written: String = "432000000000",
                    flags: String = "Running Guard Fast Valid", weight: String = "20000") -> String {
        let t = "2026-03-01T" + (hour < 10 ? "0\(hour)" : "\(hour)") + ":00:00"
        return "\(t),host,aggregate,,,,,1,1000000,,,,,,\n\(t),host,relay,\(fp),r1,A,1000000,,,\(started),\(allocator),\(read),\(written),\(flags),\(weight)\n"
    }

    @Test func repeatedCellsAreOneReadingAndChangesAreNew() throws {
        var text = Self.header
        for h in 0..<5 { text += Self.row(h) }
        text += Self.row(5, started: "2026-03-01T05:00:00", allocator: "glibc", written: "216000000000", flags: "Fast Running Valid", weight: "9000")
        text += Self.row(6, started: "2026-03-01T05:00:30", allocator: "glibc", written: "216000000000", flags: "Fast Running Valid", weight: "9000")
        let file = try load(text)
        #expect(file.warnings.isEmpty, "\(file.warnings)")
        let facts = try #require(file.relays.relays.first).facts
        let t0 = TimestampParser.timestamp("2026-03-01T00:00:00")!.seconds
        #expect(facts.starts.map(\.value) == [TimestampParser.timestamp("2026-02-28T03:00:00")!.seconds,
                                              TimestampParser.timestamp("2026-03-01T05:00:00")!.seconds])
        #expect(facts.starts.map(\.time) == [t0, t0 + 5 * 3600])
        #expect(facts.restarts.count == 1)
        #expect(facts.allocators.map(\.value) == ["jemalloc", "glibc"])
        #expect(facts.flags.map(\.value) == ["Fast Guard Running Valid", "Fast Running Valid"])
        #expect(facts.weights.map(\.value) == [20000, 9000])
        #expect(facts.bandwidth.map(\.value.writtenPerDay) == [432e9, 216e9])
        #expect(facts.bandwidth.map(\.value.readPerDay) == [440e9, 440e9])
    }

    @Test func anUnreadableCellLeavesTheFactOutAndKeepsTheSample() throws {
        var text = Self.header
        text += Self.row(0, started: "yesterday", written: "-5")
        text += Self.row(1, started: "soon", written: "lots", weight: "heavy")
        let file = try load(text)
        #expect(file.relays.relays.first?.count == 2)
        let facts = try #require(file.relays.relays.first).facts
        #expect(facts.starts.isEmpty && facts.weights.count == 1)
        #expect(facts.bandwidth.map(\.value.readPerDay) == [440e9])
        #expect(facts.bandwidth.allSatisfy { $0.value.writtenPerDay.isNaN })
        let texts = file.warnings.map(\.description)
        #expect(texts.contains { $0.contains("data.csv:3") && $0.contains("started") && $0.contains("2 cells are left out of the started facts") }, "\(texts)")
        #expect(texts.contains { $0.contains("written_bytes_day") && $0.contains("\"-5\"") }, "\(texts)")
        #expect(texts.contains { $0.contains("consensus_weight") && $0.contains("1 cell is") }, "\(texts)")
    }

    @Test func aFileWithoutFactColumnsHasNoFacts() throws {
        let file = try load("timestamp,server,type,nickname,rss_kb,total_kb\n2026-03-01T00:00:00,h,relay,r1,1000,\n")
        #expect(file.relays.relays.first?.facts.isEmpty == true)
    }
}
