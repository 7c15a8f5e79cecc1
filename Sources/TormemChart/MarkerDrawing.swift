/// Relay-count change markers: a dashed line at every change and labels that never overlap. Changes
/// too close together to label one by one are labelled as a group ("32 → 120 relays (4 changes)").
struct MarkerDrawing {
    let f: FigureDrawing
    let plot: Rect
    let x: LinearScale
    var s: Double { f.s }
    let maxLanes = 3

    func drawLines(_ markers: [CountChangeMarker]) {
        let dense = Double(markers.count) > plot.width / (8 * s)
        let style = StrokeStyle(color: f.theme.mutedText.withAlpha(dense ? 0.3 : 0.6), width: (dense ? 1 : 1.5) * s,
                                dash: [6 * s, 5 * s])
        for m in markers {
            let px = x.map(m.x)
            f.canvas.stroke(.segment(Point(x: px, y: plot.minY), Point(x: px, y: plot.maxY)), style: style)
        }
    }

    static func label(_ group: ArraySlice<CountChangeMarker>) -> String {
        let first = group.first!, last = group.last!
        let base = "\(first.from) → \(last.to) relays"
        return group.count == 1 ? base : base + " (\(group.count) changes)"
    }

    /// Labels for clusters of markers closer than `threshold` device units; nil if some would not fit.
    func placement(_ markers: [CountChangeMarker], threshold: Double) -> [(TextItem, Rect)]? {
        var out: [(TextItem, Rect)] = []
        var i = 0
        let h = f.height(f.markerFont)
        while i < markers.count {
            var j = i + 1
            while j < markers.count, x.map(markers[j].x) - x.map(markers[i].x) < threshold { j += 1 }
            let text = MarkerDrawing.label(markers[i..<j])
            let px = x.map(markers[i].x)
            var placed = false
            for lane in 0..<maxLanes {
                let top = plot.minY + 6 * s + Double(lane) * (h + 8 * s)
                for right in [false, true] {
                    let item = TextItem(text, at: Point(x: right ? px - 6 * s : px + 6 * s, y: top), font: f.markerFont,
                                        color: f.theme.text, horizontal: right ? .right : .left, vertical: .top)
                    let box = f.layout.box(item)
                    let padded = box.inset(by: -3 * s)
                    guard plot.contains(padded), f.layout.isFree(padded),
                          !out.contains(where: { $0.1.intersects(padded) }) else { continue }
                    out.append((item, padded))
                    placed = true
                    break
                }
                if placed { break }
            }
            if !placed { return nil }
            i = j
        }
        return out
    }

    func drawLabels(_ markers: [CountChangeMarker]) {
        guard !markers.isEmpty else { return }
        var threshold = 0.0
        var result: [(TextItem, Rect)]?
        while result == nil {
            result = placement(markers, threshold: threshold)
            if threshold > plot.width * 2 { break }
            threshold = max(threshold * 1.5, 40 * s)
        }
        for (item, box) in result ?? [] {
            f.canvas.fill(box, color: f.theme.panel.withAlpha(0.85))
            f.layout.draw(item)
        }
    }
}
