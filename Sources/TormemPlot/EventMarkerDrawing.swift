/// Event markers: a dotted line in the event colour at every event inside the x range, and labels
/// along the bottom of the plot that never overlap other text. Events too close together to label
/// one by one share a label (`3 events: restart, config_change`).
struct EventMarkerDrawing: FigurePart {
    let drawing: FigureDrawing
    let plot: Rect
    let x: LinearScale

    /// The events inside the x range, in x order.
    func visible(_ events: [EventMarker]) -> [EventMarker] {
        events.filter { x.domain.contains($0.x) }.sorted { $0.x < $1.x }
    }

    /// Call inside the plot's clip.
    func drawLines(_ events: [EventMarker]) {
        let style = StrokeStyle(color: theme.event.withAlpha(0.85), width: 2 * scale, dash: [2 * scale, 4 * scale])
        for e in visible(events) {
            let px = x.map(e.x)
            canvas.stroke(.segment(Point(x: px, y: plot.minY), Point(x: px, y: plot.maxY)), style: style)
        }
    }

    /// Call after the other labels of the plot, so these find the room left.
    func drawLabels(_ events: [EventMarker]) {
        let shown = visible(events)
        guard !shown.isEmpty else { return }
        let markers = MarkerDrawing(drawing: drawing, plot: plot, x: x)
        let placement = markers.place(xs: shown.map(\.x), fromBottom: true, color: theme.event) {
            EventMarkerDrawing.label(shown[$0])
        }
        markers.drawLabels(placement, kind: "event")
    }

    /// The event's own label alone; `N events: kinds` for a cluster.
    static func label(_ group: ArraySlice<EventMarker>) -> String {
        if group.count == 1, let e = group.first { return e.label }
        var kinds: [String] = []
        for e in group where !kinds.contains(e.kind) { kinds.append(e.kind) }
        return "\(group.count) events: " + kinds.joined(separator: ", ")
    }
}
