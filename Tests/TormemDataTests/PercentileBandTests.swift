import Testing
import TormemCore
@testable import TormemData

/// `PercentileBand` sorts its columns in parts on every core; every percentile must be bit for bit
/// the one of a plain sort of each column.
@Suite struct PercentileBandTests {
    /// Each time's values sorted with the standard library, and their percentiles.
    static func reference(_ table: RelayTable) -> PercentileBand {
        let times = table.times
        let index = Dictionary(uniqueKeysWithValues: times.enumerated().map { ($1, $0) })
        var columns = [[Double]](repeating: [], count: times.count)
        for r in table.relays {
            for (t, v) in zip(r.times, r.values) { columns[index[t]!].append(v) }
        }
        var band = PercentileBand(RelayTable(relays: []))
        band.times = times
        band.p10 = columns.map { $0.isEmpty ? .nan : PercentileBand.percentile($0.sorted(), 0.1) }
        band.median = columns.map { $0.isEmpty ? .nan : PercentileBand.percentile($0.sorted(), 0.5) }
        band.p90 = columns.map { $0.isEmpty ? .nan : PercentileBand.percentile($0.sorted(), 0.9) }
        return band
    }

    static func same(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
    }

    /// Enough times for several parts; ties, −0 and NaN, relays missing from some collections.
    @Test func sameAsSortingEveryColumn() {
        var rng = SplitMix64(seed: 11)
        for (relays, times) in [(1, 5_000), (37, 9_000), (120, 700)] {
            var series: [RelaySeries] = []
            for r in 0..<relays {
                var ts: [Int64] = [], vs: [Double] = []
                for k in 0..<times where (k + r) % 89 != 0 {
                    ts.append(1_750_000_000 + Int64(k) * 3_600)
                    vs.append(k % 50 == r ? [-0.0, .nan, 0][k % 3] : Double(rng.next() % 64) * 1024)
                }
                series.append(RelaySeries(info: RelayInfo(nickname: "r\(r)"), times: ts, values: vs))
            }
            let table = RelayTable(relays: series)
            let band = PercentileBand(table), expected = Self.reference(table)
            #expect(band.times == expected.times, "\(relays) relays")
            #expect(Self.same(band.p10, expected.p10), "\(relays) relays, p10")
            #expect(Self.same(band.median, expected.median), "\(relays) relays, median")
            #expect(Self.same(band.p90, expected.p90), "\(relays) relays, p90")
        }
    }
}
