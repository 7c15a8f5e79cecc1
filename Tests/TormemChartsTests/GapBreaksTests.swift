import Testing
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
