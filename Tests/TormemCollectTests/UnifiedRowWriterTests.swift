import Testing
import TormemCore
import TormemData
@testable import TormemCollect

@Suite struct UnifiedRowWriterTests {
    @Test func headerIsTheUnifiedFormat() {
        #expect(UnifiedRowWriter.header ==
            "timestamp,server,type,fingerprint,nickname,group,rss_kb,vmsize_kb,hwm_kb,frag_ratio,count,total_kb,avg_kb,min_kb,max_kb,"
            + "started,allocator,read_bytes_day,written_bytes_day,flags,consensus_weight\n")
        #expect(InputFormat.detect(header: UnifiedRowWriter.columns) == .unified)
    }

    @Test func oneAggregateRowThenOneRowPerRunningRelay() throws {
        let s = try FakeHost.collector().snapshot()
        let lines = csvLines(UnifiedRowWriter.rows(s))
        #expect(lines.count == 1 + FakeHost.running.count)
        #expect(lines.allSatisfy { $0.count == UnifiedRowWriter.columns.count })
        #expect(lines.allSatisfy { $0[0] == "2025-12-25T02:00:00" && $0[1] == FakeHost.hostName })

        let rss = FakeHost.running.map(\.rss)
        #expect(lines[0] == ["2025-12-25T02:00:00", FakeHost.hostName, "aggregate", "", "", "", "", "", "", "",
                             String(rss.count), String(rss.reduce(0, +)), String(rss.reduce(0, +) / rss.count),
                             String(rss.min()!), String(rss.max()!), "", "", "", "", "", ""])
        for (line, f) in zip(lines.dropFirst(), FakeHost.running) {
            #expect(line[2] == "relay")
            #expect(line[3] == f.fingerprint)
            #expect(line[4] == f.name)
            #expect(line[5] == f.group)
            #expect(line[6...8] == [String(f.rss), String(f.size), String(f.hwm)])
            #expect(line[10..<15].allSatisfy { $0.isEmpty })
        }
        // The facts: stat + btime, maps, the state files, the newest cached consensus (alpha's folder).
        #expect(Array(lines[1][15...]) == ["2025-12-20T10:00:00", "jemalloc", "123456789504", "125000000512",
                                          "Fast Guard HSDir Running Stable V2Dir Valid", "15000"])
        #expect(Array(lines[2][15...]) == ["2025-12-24T23:30:00", "glibc", "1036800000", "", "Fast Running Valid", "820"])
        #expect(lines[1][9] == NumberFormat.fixed(FakeHost.alphaRatio, decimals: 2))
        #expect(lines[2][9] == "")  // beta's smaps is not readable: missing, not zero
    }

    @Test func fieldsWithCommasAreQuoted() {
        let relay = RelayReading(instance: RelayInstance(name: "r", directory: "/x/r"), group: "DirCache 0, 2 GB",
                                 pid: 1, memory: MemoryStatus(fields: [.init(name: "VmRSS", kilobytes: 5)]))
        let snapshot = HostSnapshot(time: FakeHost.time, server: "host \"one\"", relays: [relay])
        let text = UnifiedRowWriter.rows(snapshot)
        #expect(text.contains(",\"host \"\"one\"\"\",relay,,r,\"DirCache 0, 2 GB\",5,,,,,,,,,,,,,,\n"))
    }

    @Test func collectedRowsLoadWithTheChartsReader() throws {
        var text = UnifiedRowWriter.header
        for hour in [2, 3] {
            let t = Timestamp(date: CivilDate(year: 2025, month: 12, day: 25), hour: hour)
            text += UnifiedRowWriter.rows(try FakeHost.collector(time: t).snapshot())
        }
        let loaded = try DataLoader.load(bytes: Array(text.utf8), name: "measurements.csv")
        #expect(loaded.format == .unified)
        #expect(loaded.skipped == 0)
        let series = try #require(loaded.servers.first)
        #expect(loaded.servers.count == 1)
        #expect(series.server == FakeHost.hostName)
        #expect(series.count == 2)
        #expect(series.totalKB[0] == Double(FakeHost.running.map(\.rss).reduce(0, +)))
        #expect(series.relays[0] == FakeHost.running.count)
        #expect(Set(loaded.relays.relays.map(\.info.nickname)) == Set(FakeHost.running.map(\.name)))
        #expect(Set(loaded.relays.relays.map(\.info.group)) == Set(FakeHost.running.map(\.group)))
    }
}
