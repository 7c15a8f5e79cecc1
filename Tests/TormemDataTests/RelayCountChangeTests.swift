import Testing
import TormemCore
@testable import TormemData

@Suite struct RelayCountChangeTests {
    /// Daily collections from 2025-01-01 with these relay counts.
    func daily(_ counts: [Int]) -> AggregateSeries {
        var s = AggregateSeries(server: "s")
        for (i, c) in counts.enumerated() {
            s.append(AggregateSample(time: 1_735_689_600 + Int64(i) * 86_400, relays: c, totalKB: 1, avgKB: 1, minKB: 1, maxKB: 1))
        }
        return s
    }

    @Test func relaysComingAndGoingChangeNoLevel() {
        let counts = (0..<365).map { 95 + ($0 * 7 + $0 / 3) % 6 }      // 95–100, changing almost daily
        let s = daily(counts)
        #expect(RelayCountChange.detect(s).count > 200)
        #expect(RelayCountChange.lasting(s).isEmpty)
    }

    @Test func aStepThatHoldsIsOneChange() {
        let s = daily(Array(repeating: 180, count: 5) + [181, 180] + Array(repeating: 200, count: 6))
        #expect(RelayCountChange.lasting(s) == [RelayCountChange(time: s.times[7], from: 180, to: 200)])
    }

    @Test func aDipOfTwoCollectionsIsNoChangeButOneOfThreeIs() {
        #expect(RelayCountChange.lasting(daily([50, 50, 40, 40, 50, 50, 50])).isEmpty)
        let s = daily([50, 50, 40, 40, 40, 50, 50, 50])
        #expect(RelayCountChange.lasting(s) == [RelayCountChange(time: s.times[2], from: 50, to: 40),
                                                RelayCountChange(time: s.times[5], from: 40, to: 50)])
    }

    @Test func smallFleetsAsInTheRealFixture() throws {
        // 3 relays for one collection, then 10 for three, then 13: both steps last.
        let s = daily([3, 10, 10, 10, 13, 13, 13, 13])
        #expect(RelayCountChange.lasting(s).map { [$0.from, $0.to] } == [[3, 10], [10, 13]])
    }

    @Test func aChangeAtTheVeryEndIsNotYetLasting() {
        #expect(RelayCountChange.lasting(daily([20, 20, 20, 30, 30])).isEmpty)
        #expect(RelayCountChange.lasting(daily([20, 20, 20, 30, 30, 30])).count == 1)
    }

    @Test func unknownCountsAreSkipped() {
        let s = daily([-1, 20, -1, 30, 30, -1, 30])
        #expect(RelayCountChange.lasting(s) == [RelayCountChange(time: s.times[3], from: 20, to: 30)])
    }
}
