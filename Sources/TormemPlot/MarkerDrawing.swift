/// Count change markers: a dashed line at every change and labels that never overlap. Changes
/// too close together to label one by one are labelled as a group ("4 changes · 32–120 UNIT").
/// When changes are dense, each is a short tick on a rug along the bottom of the plot and only the
/// first change of each labelled group gets a full-height line.
struct MarkerDrawing: FigurePart {
    let drawing: FigureDrawing
    let plot: Rect
    let x: LinearScale
    let maxLanes = 3

    /// Labels ready to draw and the markers that start each labelled group.
    struct Placement {
        var labels: [(TextItem, Rect)] = []
        var groupStarts: [Double] = []
    }

    func isDense(_ markers: [CountChangeMarker]) -> Bool { Double(markers.count) > plot.width / (30 * scale) }

    func drawLines(_ markers: [CountChangeMarker]) -> Placement {
        guard !markers.isEmpty else { return Placement() }
        let placement = place(xs: markers.map(\.x)) { MarkerDrawing.label(markers[$0]) }
        let full = StrokeStyle(color: drawing.theme.mutedText.withAlpha(0.6), width: 1.5 * scale, dash: [6 * scale, 5 * scale])
        if isDense(markers) {
            let rug = StrokeStyle(color: drawing.theme.mutedText.withAlpha(0.7), width: 1 * scale)
            for m in markers {
                let px = x.map(m.x)
                drawing.canvas.stroke(.segment(Point(x: px, y: plot.maxY - 14 * scale), Point(x: px, y: plot.maxY)), style: rug)
            }
            for px in placement.groupStarts {
                drawing.canvas.stroke(.segment(Point(x: px, y: plot.minY), Point(x: px, y: plot.maxY)), style: full)
            }
        } else {
            for m in markers {
                let px = x.map(m.x)
                drawing.canvas.stroke(.segment(Point(x: px, y: plot.minY), Point(x: px, y: plot.maxY)), style: full)
            }
        }
        return placement
    }

    /// `3 → 10 UNIT` for one change; `126 changes · 29–50 UNIT` for a group (the unit of its first
    /// change).
    static func label(_ group: ArraySlice<CountChangeMarker>) -> String {
        if group.count == 1, let m = group.first { return "\(m.from) → \(m.to) \(m.unit)" }
        let counts = group.flatMap { [$0.from, $0.to] }
        return "\(group.count) changes · \(counts.min()!)–\(counts.max()!) \(group.first!.unit)"
    }

    /// Labels for clusters of markers (at `xs`, ascending) closer than `threshold` device units, in
    /// lanes from the top of the plot (or from the bottom); nil if some would not fit. A label
    /// starts just right of its cluster's first marker; only where no lane has room for that (at
    /// the right edge) does it end just left of the cluster's last marker instead. Labels begin in
    /// time order from left to right, so no later label is read before an earlier one.
    func placement(xs: [Double], threshold: Double, fromBottom: Bool, color: Color,
                   label: (Range<Int>) -> String) -> Placement? {
        var out = Placement()
        var i = 0
        let h = drawing.height(drawing.markerFont)
        var previousStart = -Double.infinity
        while i < xs.count {
            var j = i + 1
            while j < xs.count, x.map(xs[j]) - x.map(xs[i]) < threshold { j += 1 }
            let text = label(i..<j)
            let first = x.map(xs[i]), last = x.map(xs[j - 1])
            var placed = false
            for right in [false, true] where !placed {
                for lane in 0..<maxLanes where !placed {
                    let offset = 6 * scale + Double(lane) * (h + 8 * scale)
                    let y = fromBottom ? plot.maxY - 14 * scale - offset : plot.minY + offset
                    let item = TextItem(text, at: Point(x: right ? last - 6 * scale : first + 6 * scale, y: y), font: drawing.markerFont,
                                        color: color, horizontal: right ? .right : .left, vertical: fromBottom ? .bottom : .top)
                    let box = drawing.layout.box(item)
                    let padded = box.inset(by: -3 * scale)
                    guard box.minX > previousStart, plot.contains(padded), drawing.layout.isFree(padded),
                          !out.labels.contains(where: { $0.1.intersects(padded) }) else { continue }
                    out.labels.append((item, padded))
                    out.groupStarts.append(first)
                    previousStart = box.minX
                    placed = true
                }
            }
            if !placed { return nil }
            i = j
        }
        return out
    }

    /// The tightest clustering whose labels all fit (none when even one label cannot).
    func place(xs: [Double], fromBottom: Bool = false, color: Color? = nil, label: (Range<Int>) -> String) -> Placement {
        var threshold = 0.0
        while threshold <= plot.width * 2 {
            if let p = placement(xs: xs, threshold: threshold, fromBottom: fromBottom, color: color ?? drawing.theme.text,
                                 label: label) { return p }
            threshold = max(threshold * 1.5, 40 * scale)
        }
        return Placement()
    }

    /// Draws the labels; each is annotated as a callout of the line it starts at and as a label
    /// of `kind` along the axis.
    func drawLabels(_ p: Placement, kind: String = "count change") {
        for (i, (item, box)) in p.labels.enumerated() {
            drawing.canvas.fill(box, color: drawing.theme.panel.withAlpha(0.85))
            let text = drawing.layout.draw(item)
            let px = i < p.groupStarts.count ? p.groupStarts[i] : item.position.x
            drawing.canvas.annotate(.callout(text: item.text, label: text, lineHeight: text.height, mark: Rect(x: px, y: plot.minY, width: 0, height: plot.height),
                                             leader: nil))
            drawing.canvas.annotate(.axisLabel(text: item.text, box: text, value: px, kind: kind))
        }
    }
}
