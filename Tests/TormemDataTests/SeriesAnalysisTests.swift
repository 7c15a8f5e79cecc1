import Testing
@testable import TormemData

@Suite struct SeriesAnalysisTests {
    func series(_ points: [(String, Int, Double)]) -> AggregateSeries {
        let samples = points.map { p in
            AggregateSample(time: TimestampParser.timestamp(p.0)!.seconds, relays: p.1, totalKB: p.2,
                            avgKB: p.2 / Double(max(p.1, 1)), minKB: 0, maxKB: 0)
        }
        return AggregateSeries.from(server: "s", samples: samples).0
    }

    @Test func relayCountChanges() {
        let s = series([("2025-01-01T00:00", 10, 1), ("2025-01-01T01:00", 10, 1), ("2025-01-01T02:00", 12, 1),
                        ("2025-01-01T03:00", 12, 1), ("2025-01-01T04:00", 9, 1)])
        let changes = RelayCountChange.detect(s)
        #expect(changes.count == 2)
        #expect(changes[0].from == 10 && changes[0].to == 12)
        #expect(changes[1].from == 12 && changes[1].to == 9)
        #expect(changes[1].time == TimestampParser.timestamp("2025-01-01T04:00")!.seconds)
    }

    @Test func noChangesWhenCountIsConstant() {
        let s = series([("2025-01-01T00:00", 5, 1), ("2025-01-02T00:00", 5, 1)])
        #expect(RelayCountChange.detect(s).isEmpty)
    }

    @Test func weeklyBucketsAcrossNewYear() {
        let s = series([
            ("2025-12-27T00:00", 4, 100), ("2025-12-28T00:00", 6, 300),   // 2025-W52
            ("2025-12-29T00:00", 5, 1000), ("2026-01-04T23:00", 7, 2000),  // 2026-W01
            ("2026-01-05T00:00", 3, 50),                                    // 2026-W02
        ])
        let b = WeeklyBucket.buckets(s)
        #expect(b.map(\.week.description) == ["2025-W52", "2026-W01", "2026-W02"])
        #expect(b.map(\.averageTotalKB) == [200, 1500, 50])
        #expect(b.map(\.maxRelays) == [6, 7, 3])
        #expect(b.map(\.samples) == [2, 2, 1])
    }

    @Test func summaryNumbers() throws {
        let s = series([("2025-01-01T00:00", 2, 1000), ("2025-01-02T00:00", 2, 4000), ("2025-01-03T00:00", 3, 3000)])
        let m = try #require(MemorySummary(s))
        #expect(m.dataPoints == 3)
        #expect(m.startTotalKB == 1000 && m.latestTotalKB == 3000)
        #expect(m.peakTotalKB == 4000)
        #expect(m.growthPercent == 200)
        #expect(m.latestRelays == 3 && m.maxRelays == 3 && m.firstRelays == 2)
    }

    @Test func emptySeriesHasNoSummary() {
        #expect(MemorySummary(AggregateSeries(server: "x")) == nil)
    }
}
