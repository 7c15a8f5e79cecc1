import Testing
import TormemCore
@testable import TormemData

@Suite struct AggregateDatasetTests {
    static func series(_ server: String, _ points: [(Int64, Double)]) -> AggregateSeries {
        var s = AggregateSeries(server: server)
        for (t, total) in points {
            s.append(AggregateSample(time: t, relays: 2, totalKB: total, avgKB: total / 2, minKB: .nan, maxKB: .nan))
        }
        return s
    }

    @Test func aServersOnlySeriesIsTakenAsItIs() {
        let a = Self.series("a", [(1, 10), (5, 50), (9, 90)])
        let b = Self.series("b", [(2, 20)])
        let d = AggregateDataset(servers: [b, a])
        #expect(d.servers == [a, b])
        #expect(d.serverNames == ["a", "b"])
    }

    @Test func seriesOfOneServerFromSeveralFilesMergeInTimeOrderLaterFileWinning() {
        let first = Self.series("a", [(1, 10), (5, 50), (9, 90)])
        let second = Self.series("a", [(3, 30), (5, 55), (12, 120)])
        let d = AggregateDataset(servers: [first, second])
        #expect(d.servers.count == 1)
        #expect(d.combined.times == [1, 3, 5, 9, 12])
        #expect(d.combined.totalKB == [10, 30, 55, 90, 120])
        #expect(d.combined.avgKB == [5, 15, 27.5, 45, 60])
    }
}
