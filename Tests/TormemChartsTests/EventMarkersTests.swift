import Testing
import TormemCore
import TormemData
import TormemPlot
@testable import TormemCharts

@Suite struct EventMarkersTests {
    @Test func onlyEventsInsideTheRangeBecomeMarkers() {
        let log = ChartTestData.events([(50, "restart", "before", "all"), (100, "restart", "full fleet restart", "all"),
                                        (200, "config_change", "mimalloc 3.0.1 enabled", "D"), (301, "experiment_end", "", "")])
        let m = EventMarkers.markers(log, start: 100, end: 300)
        #expect(m.map(\.x) == [100, 200])
        #expect(m.map(\.label) == ["full fleet restart", "group D: mimalloc 3.0.1 enabled"])
        #expect(m.map(\.kind) == ["restart", "config_change"])
        #expect(EventMarkers.markers(nil, start: 0, end: 1).isEmpty)
    }

    @Test func typeStandsInForAMissingDescriptionAndLongTextIsShortened() {
        let e = ExperimentEvent(time: Timestamp(seconds: 0), type: "experiment_end", description: "")
        #expect(EventMarkers.label(e) == "experiment_end")
        let long = ExperimentEvent(time: Timestamp(seconds: 0), type: "x", description: String(repeating: "a", count: 80), group: "A_B")
        let label = EventMarkers.label(long)
        #expect(label.count == EventMarkers.maxLabel)
        #expect(label.hasPrefix("group A_B: ") && label.hasSuffix("…"))
    }
}
