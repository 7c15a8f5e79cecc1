import Testing
import TormemCore
@testable import TormemData

@Suite struct RestartCaveatsTests {
    @Test func oneCaveatPerGroupThatRestarts() {
        let groups = [
            GroupRestarts(group: "A_control", relays: 6, restarts: 0, restarted: [], windowDays: 10, endMeanGB: 1.2,
                          windowMeanGB: nil, meanPeakBeforeRestartGB: nil),
            GroupRestarts(group: "D_mimalloc", relays: 6, restarts: 6, restarted: ["d1", "d2", "d3", "d4", "d5", "d6"],
                          windowDays: 10, endMeanGB: 0.8, windowMeanGB: 0.74, meanPeakBeforeRestartGB: 0.81),
            GroupRestarts(group: "E", relays: 4, restarts: 3, restarted: ["e1", "e2"], windowDays: 2.5, endMeanGB: 0.5,
                          windowMeanGB: 0.6, meanPeakBeforeRestartGB: 0.7),
        ]
        let c = RestartCaveats.caveats(groups)
        #expect(c.map(\.groups) == [["D_mimalloc"], ["E"]])
        #expect(c.allSatisfy { $0.kind == .restarts })
        #expect(c[0].relays == ["d1", "d2", "d3", "d4", "d5", "d6"])
        #expect(c[0].text == "group D_mimalloc: 6 relays restarted once each in 10 days; values before and after a restart are of "
            + "different processes (mean peak before a restart 0.81 GB, end 0.80 GB)")
        #expect(c[1].text.hasPrefix("group E: 2 of 4 relays restarted 3 times in 2.5 days;"), "\(c[1].text)")
        #expect(c[1].numbers.map(\.0) == ["restarts_per_relay", "window_mean_gb", "mean_peak_gb", "end_mean_gb"])
        #expect(c[1].number("restarts_per_relay") == 0.75)
        #expect(c[1].number("mean_peak_gb") == 0.7)
        #expect(c[1].number("end_mean_gb") == 0.5)
    }

    /// Two restarts a relay or more are a sawtooth: its end value depends on where the last sample fell.
    @Test func aSawtoothSaysItsFairNumbers() {
        let g = GroupRestarts(group: "S", relays: 2, restarts: 14, restarted: ["s1", "s2"], windowDays: 7, endMeanGB: 2.8,
                              windowMeanGB: 2.7, meanPeakBeforeRestartGB: 3.0)
        #expect(g.isSawtooth)
        let c = RestartCaveats.caveats([g], timeline: [ExperimentEvent(time: Timestamp(seconds: 0), type: "restart", description: "", group: "all")])
        #expect(c.map(\.text) == ["group S: 2 relays restarted 7.0 times per relay in 7.0 days; its end value (2.80 GB) depends on where "
            + "the last sample fell in the sawtooth: time-weighted mean 2.70 GB, mean peak before a restart 3.00 GB"])
    }

    /// A restart the timeline already has (events.csv, or `started` changing together) is not said again.
    @Test func aFewRestartsTheTimelineHasAreLeftOut() {
        let g = GroupRestarts(group: "D", relays: 6, restarts: 6, restarted: ["d1", "d2", "d3", "d4", "d5", "d6"], windowDays: 10,
                              endMeanGB: 0.8, windowMeanGB: 0.74, meanPeakBeforeRestartGB: 0.81)
        let restart = ExperimentEvent(time: Timestamp(seconds: 0), type: "restart", description: "all 6 restarted", group: "D")
        #expect(RestartCaveats.caveats([g], timeline: [restart]).isEmpty)
        let other = ExperimentEvent(time: Timestamp(seconds: 0), type: "restart", description: "", group: "E")
        #expect(RestartCaveats.caveats([g], timeline: [other]).count == 1)
    }

    @Test func noCaveatWithoutRestarts() {
        #expect(RestartCaveats.caveats([GroupRestarts(group: "A", relays: 3, restarts: 0, restarted: [], windowDays: 5, endMeanGB: 1,
                                                      windowMeanGB: nil, meanPeakBeforeRestartGB: nil)]).isEmpty)
    }
}
