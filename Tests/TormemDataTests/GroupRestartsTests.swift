import Testing
import TormemCore
@testable import TormemData

@Suite struct GroupRestartsTests {
    static let t0: Int64 = 1_772_323_200
    static let hour: Int64 = 3_600

    static func series(_ name: String, group: String, hours: [Int64], gb: [Double]) -> RelaySeries {
        RelaySeries(info: RelayInfo(nickname: name, group: group), times: hours.map { t0 + $0 * hour },
                    values: gb.map { $0 * Memory.kibPerGB })
    }

    /// Group S: A restarts once (3 → 1 GB), B has a two-day gap and no restart. Group F: flat.
    static func table() -> RelayTable {
        RelayTable(relays: [
            series("A", group: "S", hours: [0, 6, 12, 18, 24], gb: [1, 2, 3, 1, 2]),
            series("B", group: "S", hours: [0, 6, 48, 54], gb: [2, 2, 2, 4]),
            series("C", group: "F", hours: [0, 6, 12, 18], gb: [1, 1, 1, 1]),
        ])
    }

    @Test func handComputedNumbers() throws {
        let grouped = Self.table()
        let analysis = GroupAnalysis(DailyTable.aligned(grouped, starts: [:]))
        let r = GroupRestarts.groups(grouped: grouped, analysis: analysis)
        #expect(r.map(\.group) == ["F", "S"])
        let f = r[0], s = r[1]
        #expect(f.restarts == 0 && f.restartsPerRelay == 0 && f.windowMeanGB == nil && f.meanPeakBeforeRestartGB == nil)
        #expect(s.relays == 2 && s.restarts == 1 && s.restarted == ["A"])
        #expect(s.restartsPerRelay == 0.5)
        // A: every sample weighs 6 h (the last one interval) → (1+2+3+1+2)/5 = 1.8.
        // B: interval 6 h; weights 6, min(42, 12) = 12, 6, 6 h → (12+24+12+24)/30 = 2.4.
        #expect(abs(try #require(s.windowMeanGB) - 2.1) < 1e-12)
        #expect(try #require(s.meanPeakBeforeRestartGB) == 3)
        #expect(s.windowDays == 54.0 / 24)
        // Day 2 (48 h, 54 h) has only B: mean 3 GB.
        #expect(s.endMeanGB == 3)
    }

    @Test func timeWeightedMeanCapsGaps() throws {
        // 1 GB for 6 h, then 10 GB after a 60 h gap: the gap weighs 2 × 6 h, the last sample 6 h.
        let s = Self.series("G", group: "x", hours: [0, 6, 12, 72], gb: [1, 1, 1, 10])
        let mean: Double = try #require(GroupRestarts.timeWeightedMean(s))
        let expected: Double = (6.0 + 6.0 + 12.0 + 60.0) / 30.0
        #expect(abs(mean - expected) < 1e-12)
    }

    @Test func chartInputsCarryTheRestartsOfUnifiedData() throws {
        let inputs = ChartInputs(files: [try DataLoader.load(path: fixture("tradeoff/collected/measurements.csv"))], side: SideFiles())
        let d = try #require(inputs.restarts.first { $0.group == "D_mimalloc" })
        #expect(d.restarts > 0)
        #expect(inputs.restarts.filter { $0.group != "D_mimalloc" }.allSatisfy { $0.restarts == 0 })
        #expect(inputs.restarts.map(\.group) == inputs.groups?.groups.map(\.group))
    }
}
