import TormemPlot

/// What a reader needs of a chart's layout, checked on a recording canvas (no pixels): the plots
/// keep their room, no text overlaps another, every callout sits by its mark or is joined to it by
/// a leader line, and labels along a time axis read in time order.
public struct LayoutAudit {
    public let canvas: RecordingCanvas
    /// The least share of the chart's height its plot areas take together.
    public static let minimumPlotShare = 0.35

    /// `figure` drawn on a new recording canvas.
    public init(_ figure: Figure) {
        canvas = RecordingCanvas(size: figure.size)
        FigureRenderer.draw(figure, on: canvas)
    }

    /// What was drawn on `canvas`.
    public init(canvas: RecordingCanvas) { self.canvas = canvas }

    /// The plot areas' heights together, as a share of the chart's height.
    public var plotShare: Double {
        let h = canvas.annotations.reduce(0.0) { sum, a in
            if case .plotArea(let r) = a { return sum + r.height }
            return sum
        }
        return h / max(1, canvas.size.height)
    }

    public var callouts: [(text: String, label: Rect, lineHeight: Double, mark: Rect, leader: [Point]?)] {
        canvas.annotations.compactMap { if case .callout(let t, let l, let h, let m, let d) = $0 { (t, l, h, m, d) } else { nil } }
    }

    /// Callouts farther than one line height (of their first line) from their mark without a leader
    /// line, or whose leader line does not join the two or was not drawn.
    public var detachedCallouts: [String] {
        callouts.compactMap { c in
            let line = c.lineHeight
            guard let leader = c.leader else {
                let d = c.label.distance(to: c.mark)
                return d <= line + 0.5 ? nil : "\(c.text): \(Int(d.rounded())) from its mark, no leader line"
            }
            guard let a = leader.first, let b = leader.last,
                  Rect(x: a.x, y: a.y, width: 0, height: 0).distance(to: c.mark) <= line,
                  Rect(x: b.x, y: b.y, width: 0, height: 0).distance(to: c.label) <= line
            else { return "\(c.text): its leader line does not join it to its mark" }
            let drawn = canvas.strokes.contains { $0.path == .segment(a, b) }
            return drawn ? nil : "\(c.text): its leader line is not drawn"
        }
    }

    /// Pairs of labels of one kind along a time axis that share a row but not the order of their times.
    public var outOfOrderLabels: [String] {
        let labels = canvas.annotations.compactMap { a -> (text: String, box: Rect, value: Double, kind: String)? in
            if case .axisLabel(let t, let b, let v, let k) = a { return (t, b, v, k) }
            return nil
        }
        var out: [String] = []
        for i in labels.indices {
            for j in labels.indices where j != i {
                let a = labels[i], b = labels[j]
                guard a.kind == b.kind, a.value < b.value, a.box.minY < b.box.maxY, b.box.minY < a.box.maxY else { continue }
                if a.box.midX >= b.box.midX { out.append("\(a.kind) “\(a.text)” after “\(b.text)”") }
            }
        }
        return out
    }

    /// Everything wrong, in words (empty when the layout is readable).
    public var problems: [String] {
        var out: [String] = []
        if canvas.texts.isEmpty { out.append("no text drawn") }
        let share = plotShare
        if share < Self.minimumPlotShare {
            out.append("plots take \(Int((share * 100).rounded())) % of the height (at least \(Int(Self.minimumPlotShare * 100)) %)")
        }
        for (a, b) in canvas.overlappingTexts(tolerance: 0.5).prefix(5) { out.append("overlap: \(a.text) / \(b.text)") }
        for t in canvas.textsOutsideCanvas() { out.append("outside the canvas: \(t.item.text)") }
        if !canvas.clipsBalanced { out.append("unbalanced clips") }
        out += detachedCallouts.map { "callout " + $0 }
        out += outOfOrderLabels.prefix(5).map { "out of time order: " + $0 }
        return out
    }
}
