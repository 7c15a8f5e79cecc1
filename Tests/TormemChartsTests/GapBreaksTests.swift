import Testing
import TormemData
@testable import TormemCharts

@Suite struct GapBreaksTests {
    @Test func aHoleLongerThanThreeMedianStepsGetsAMissingPoint() {
        let g = GapBreaks(times: [0, 10, 20, 30, 100, 110])
        #expect(g.after == [3])
        #expect(g.xs == [0, 10, 20, 30, 65, 100, 110])
        let ys = g.ys([1, 2, 3, 4, 5, 6])
        #expect(ys.count == 7)
        #expect(ys[4].isNaN)
        #expect(ys.filter { !$0.isNaN } == [1, 2, 3, 4, 5, 6])
    }

    @Test func regularOrShortSeriesAreUnchanged() {
        #expect(GapBreaks(times: [0, 10, 20, 30, 40]).after.isEmpty)
        #expect(GapBreaks(times: [0, 10, 29, 40]).after.isEmpty)      // 19 < 3 × 10: a late sample, not a hole
        #expect(GapBreaks(times: [0, 1000]).after.isEmpty)            // two samples: no interval to compare with
        #expect(GapBreaks(times: [0, 10, 20]).ys([1, 2, 3]) == [1, 2, 3])
    }
}

@Suite struct GapBreaksCollectionTests {
    @Test func aRelayMissingFromCollectionsBreaksEvenWithFewSamples() {
        let a = RelaySeries(info: RelayInfo(nickname: "a", server: "h"), times: (0..<10).map { Int64($0) * 60 }, values: Array(repeating: 1, count: 10))
        let b = RelaySeries(info: RelayInfo(nickname: "b", server: "h"), times: [0, 60, 540], values: [1, 1, 1])
        let steps = GapBreaks.collectionSteps(RelayTable(relays: [a, b]))
        #expect(steps["h"] == 60)
        #expect(GapBreaks(times: b.times).after.isEmpty)                  // its own median (270 s) hides the hole
        #expect(GapBreaks(times: b.times, median: steps["h"]).after == [1])
    }
}
