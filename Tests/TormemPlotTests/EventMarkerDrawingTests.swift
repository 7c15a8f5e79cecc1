import Testing
import TormemTestSupport
@testable import TormemPlot

@Suite struct EventMarkerDrawingTests {
    @Test func aClusterNamesItsKindsOnce() {
        let events = [EventMarker(x: 1, label: "full fleet restart", kind: "restart"),
                      EventMarker(x: 2, label: "+37 relays", kind: "relay_add"),
                      EventMarker(x: 3, label: "second restart", kind: "restart")]
        #expect(EventMarkerDrawing.label(events[0..<1]) == "full fleet restart")
        #expect(EventMarkerDrawing.label(events[0..<3]) == "3 events: restart, relay_add")
    }

    /// Ten days with events bunched at the start, in the middle and at the right edge, and
    /// relay-count steps: every label sits at its markers, in time order.
    static func figure(events: [Double], changes: [(Double, Int, Int)], size: Size = Size(width: 2100, height: 900)) -> Figure {
        let day = 86_400.0
        let markers = events.enumerated().map { EventMarker(x: $0.element * day, label: "event number \($0.offset)", kind: $0.offset % 2 == 0 ? "config_change" : "note") }
        let panel = PlotPanel(title: "t", x: .time(start: 0, end: 10 * day), y: YAxis(label: "GB", lo: 0, hi: 1),
                              layers: [.line(LineLayer(xs: [0, 10 * day], ys: [0.5, 0.5], color: Theme.dark.accent))],
                              countChanges: changes.map { CountChangeMarker(x: $0.0 * day, from: $0.1, to: $0.2, unit: "servers") }, events: markers)
        return Figure(size: size, theme: .dark, title: "markers", panels: [.plot(panel)])
    }

    @Test(arguments: [Size(width: 2100, height: 900), Size(width: 900, height: 600)])
    func eventLabelsStartAtTheirMarkersInTimeOrder(size: Size) {
        let fig = Self.figure(events: [0.1, 0.12, 0.2, 4.9, 5.0, 5.05, 8.6, 9.0, 9.6, 9.9], changes: [], size: size)
        let (labels, problems) = MarkerLabelCheck.check(fig, lineColor: Theme.dark.event.withAlpha(0.85), labelColor: Theme.dark.event)
        #expect(problems.isEmpty, "\(problems)")
        #expect(labels.count == 1 && labels[0].count >= 3)
        #expect(layoutProblems(fig).isEmpty)
    }

    @Test(arguments: [Size(width: 2100, height: 900), Size(width: 900, height: 600)])
    func countLabelsStartAtTheirMarkersInTimeOrder(size: Size) {
        let fig = Self.figure(events: [], changes: [(2, 100, 120), (2.1, 120, 180), (2.2, 180, 200), (9.1, 200, 150),
                                                    (9.4, 150, 180), (9.7, 180, 120), (9.9, 120, 180)], size: size)
        let (labels, problems) = MarkerLabelCheck.check(fig, lineColor: Theme.dark.mutedText.withAlpha(0.6), labelColor: Theme.dark.text)
        #expect(problems.isEmpty, "\(problems)")
        #expect(labels.first?.isEmpty == false)
    }
}
