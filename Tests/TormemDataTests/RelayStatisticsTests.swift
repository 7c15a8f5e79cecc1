import Testing
@testable import TormemData
import TormemCore

@Suite struct RelayStatisticsTests {
    func series(_ name: String, _ points: [(Int64, Double)]) -> RelaySeries {
        RelaySeries(info: RelayInfo(nickname: name), times: points.map(\.0), values: points.map(\.1))
    }

    @Test func percentileBand() {
        // 10 relays with values 1...10 at t=0; at t=1 only relays 1...5 (the others have no sample).
        var relays: [RelaySeries] = []
        for i in 1...10 {
            let v = Double(i)
            let points: [(Int64, Double)] = i <= 5 ? [(Int64(0), v), (Int64(1), v * 2)] : [(Int64(0), v)]
            relays.append(series("r\(i)", points))
        }
        let band = PercentileBand(RelayTable(relays: relays))
        #expect(band.times == [0, 1])
        #expect(abs(band.p10[0] - 1.9) < 1e-9)
        #expect(abs(band.median[0] - 5.5) < 1e-9)
        #expect(abs(band.p90[0] - 9.1) < 1e-9)
        #expect(band.median[1] == 6)                     // of 2, 4, 6, 8, 10
        #expect(PercentileBand.percentile([], 0.5).isNaN)
        #expect(PercentileBand.percentile([3], 0.9) == 3)
    }

    @Test func meanSigmaOutliers() {
        let entries = [1.0, 1, 1, 1, 1, 1, 1, 1, 1, 10].enumerated().map {
            RelayStatistics.Entry(info: RelayInfo(nickname: "r\($0.offset)"), gb: $0.element)
        }
        let s = RelayStatistics(entries)
        #expect(abs(s.mean - 1.9) < 1e-12)
        #expect(abs(s.standardDeviation - 2.7) < 1e-12)
        #expect(s.outliers().map(\.info.nickname) == ["r9"])
        #expect(s.outliers(fixed: 0.5).count == 10)
        #expect(s.ranked.first?.gb == 10)
        let (edges, counts) = s.histogram()
        #expect(counts.reduce(0, +) == 10)
        #expect(edges.count == counts.count + 1)
        #expect(edges.first! <= 1 && edges.last! > 10)
    }

    /// Found by the fuzzer: values at extreme magnitudes made rounding ask for billions of bins.
    @Test func histogramOfExtremeValuesStaysSmall() {
        for values in [[5.5e23, 5.5e23 - 1e8], [1e300, 1e-300], [9.5e6, 0.0001, 0]] {
            let s = RelayStatistics(values.enumerated().map { RelayStatistics.Entry(info: RelayInfo(nickname: "r\($0.offset)"), gb: $0.element) })
            let (edges, counts) = s.histogram()
            #expect(counts.count <= 48 && edges.count == counts.count + 1)
            #expect(counts.reduce(0, +) == values.count)
        }
    }

    @Test func dailyTableFromRelaySeries() {
        let day: Int64 = 86_400
        let t = RelayTable(relays: [
            RelaySeries(info: RelayInfo(nickname: "a", group: "A"), times: [0, 3600, day, 3 * day], values: [1_048_576, 3_145_728, 1_048_576, 2_097_152]),
            RelaySeries(info: RelayInfo(nickname: "b", group: "B"), times: [3 * day + 10], values: [4_194_304]),
        ])
        let d = DailyTable.from(t)
        #expect(d.days == [0, 1, 3])
        #expect(d.values[0] == [2, 1, 2])
        #expect(d.values[1][0].isNaN && d.values[1][2] == 4)
        #expect(d.firstDate == CivilDate(year: 1970, month: 1, day: 1))
    }

    @Test func unifiedRelayRowsIdentity() throws {
        let f = try load(unifiedHeader
            + "2025-01-01T00:00:00,s,relay,FP1,nick1,A,1000,,,,,,,,\n"
            + "2025-01-01T00:00:00,s,relay,,nick2,,2000,,,,,,,,\n"
            + "2025-01-01T01:00:00,s,relay,FP1,renamed,A,1500,,,,,,,,\n"
            + "2025-01-01T01:00:00,s,relay,,nick2,,NOT_RUNNING,,,,,,,,\n"
            + "2025-01-01T01:00:00,s,relay,,,,5,,,,,,,,\n")
        #expect(f.relays.count == 2)                      // by fingerprint, else nickname
        let fp = try #require(f.relays.relays.first { $0.info.fingerprint == "FP1" })
        #expect(fp.values == [1000, 1500] && fp.info.nickname == "nick1")
        let n2 = try #require(f.relays.relays.first { $0.info.nickname == "nick2" })
        #expect(n2.count == 1)                            // NOT_RUNNING is a gap
        #expect(f.skipped == 1)                           // a relay row without identity
    }
}
