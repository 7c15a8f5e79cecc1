import Testing
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
        #expect(c[0].text == "group D_mimalloc: 6 relays restarted, 1.0 times per relay in 10 days; its end value (0.80 GB) depends on "
            + "where the last sample fell in the sawtooth: time-weighted mean 0.74 GB, mean peak before a restart 0.81 GB")
        #expect(c[1].text.hasPrefix("group E: 2 of 4 relays restarted, 0.8 times per relay in 2.5 days;"))
        #expect(c[1].numbers.map(\.0) == ["restarts_per_relay", "window_mean_gb", "mean_peak_gb", "end_mean_gb"])
        #expect(c[1].number("restarts_per_relay") == 0.75)
        #expect(c[1].number("mean_peak_gb") == 0.7)
        #expect(c[1].number("end_mean_gb") == 0.5)
    }

    @Test func noCaveatWithoutRestarts() {
        #expect(RestartCaveats.caveats([GroupRestarts(group: "A", relays: 3, restarts: 0, restarted: [], windowDays: 5, endMeanGB: 1,
                                                      windowMeanGB: nil, meanPeakBeforeRestartGB: nil)]).isEmpty)
    }
}
