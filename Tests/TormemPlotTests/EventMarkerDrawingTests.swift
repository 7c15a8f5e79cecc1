import Testing
@testable import TormemPlot

@Suite struct EventMarkerDrawingTests {
    @Test func aClusterNamesItsKindsOnce() {
        let events = [EventMarker(x: 1, label: "full fleet restart", kind: "restart"),
                      EventMarker(x: 2, label: "+37 relays", kind: "relay_add"),
                      EventMarker(x: 3, label: "second restart", kind: "restart")]
        #expect(EventMarkerDrawing.label(events[0..<1]) == "full fleet restart")
        #expect(EventMarkerDrawing.label(events[0..<3]) == "3 events: restart, relay_add")
    }
}
