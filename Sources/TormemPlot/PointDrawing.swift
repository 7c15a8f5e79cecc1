/// Draws a point layer: its error bars and dots with the data (inside the plot's clip), then its
/// labels with the other annotations, each beside its point where it overlaps no text and,
/// where it can, covers no other mark.
struct PointDrawing: FigurePart {
    let drawing: FigureDrawing
    let plot: Rect
    let x: LinearScale
    let y: LinearScale

    /// The length of an error bar's end caps on each side of the bar, at scale 1.
    static let capHalfLength = 7.0

    static func centre(_ p: PointLayer, _ i: Int, x: LinearScale, y: LinearScale) -> Point {
        Point(x: x.map(p.xs[i]), y: y.map(p.ys[i]))
    }

    /// Error bars first, then the dots over them, so every dot stays whole.
    static func drawMarks(_ p: PointLayer, on canvas: Canvas, x: LinearScale, y: LinearScale, scale: Double) {
        let points = p.drawable
        let bar = StrokeStyle(color: p.color, width: 2.5 * scale)
        let cap = capHalfLength * scale
        for i in points where i < p.errorBars.count {
            let e = p.errorBars[i], c = centre(p, i, x: x, y: y)
            if e.xLow.isFinite, e.xHigh.isFinite {
                let a = x.map(e.xLow), b = x.map(e.xHigh)
                canvas.stroke(.segment(Point(x: a, y: c.y), Point(x: b, y: c.y)), style: bar)
                for end in [a, b] { canvas.stroke(.segment(Point(x: end, y: c.y - cap), Point(x: end, y: c.y + cap)), style: bar) }
            }
            if e.yLow.isFinite, e.yHigh.isFinite {
                let a = y.map(e.yLow), b = y.map(e.yHigh)
                canvas.stroke(.segment(Point(x: c.x, y: a), Point(x: c.x, y: b)), style: bar)
                for end in [a, b] { canvas.stroke(.segment(Point(x: c.x - cap, y: end), Point(x: c.x + cap, y: end)), style: bar) }
            }
        }
        let r = p.radius * scale
        for i in points {
            let c = centre(p, i, x: x, y: y)
            if p.hollow {
                canvas.stroke(.circle(center: c, radius: r, sides: 32), style: StrokeStyle(color: p.color, width: 3 * scale))
                continue
            }
            if let rim = p.outline { canvas.fill(.circle(center: c, radius: r + 2.5 * scale, sides: 32), color: rim) }
            canvas.fill(.circle(center: c, radius: r, sides: r > 6 * scale ? 32 : 16), color: p.color)
        }
    }

    /// The boxes of the layer's dots and error bars: what labels should not cover.
    static func marks(_ p: PointLayer, x: LinearScale, y: LinearScale, scale: Double) -> [Rect] {
        p.drawable.flatMap { marks(p, $0, x: x, y: y, scale: scale) }
    }

    /// The boxes of point `i`'s dot and error bars.
    static func marks(_ p: PointLayer, _ i: Int, x: LinearScale, y: LinearScale, scale: Double) -> [Rect] {
        let r = p.radius * scale + (p.outline == nil ? 0 : 2.5 * scale)
        let c = centre(p, i, x: x, y: y)
        var out = [Rect(x: c.x - r, y: c.y - r, width: 2 * r, height: 2 * r)]
        guard i < p.errorBars.count else { return out }
        let e = p.errorBars[i], half = 1.5 * scale
        if e.xLow.isFinite, e.xHigh.isFinite {
            let a = x.map(e.xLow), b = x.map(e.xHigh)
            out.append(Rect(x: min(a, b), y: c.y - half, width: abs(b - a), height: 2 * half))
        }
        if e.yLow.isFinite, e.yHigh.isFinite {
            let a = y.map(e.yLow), b = y.map(e.yHigh)
            out.append(Rect(x: c.x - half, y: min(a, b), width: 2 * half, height: abs(b - a)))
        }
        return out
    }

    /// Each label beside its point: right, left, above, below, then the corners, close by and then
    /// a little further (never farther than a line's height, so it reads as the point's); the first
    /// place inside the plot, clear of every text, that covers the fewest of `marks` (its own
    /// error bars count, its dot not) and none of `labelled` but its own point's (the labelled
    /// points of every layer and their error bars are never hidden); left out where there is none.
    func drawLabels(_ p: PointLayer, marks: [Rect], labelled: [Rect]) {
        let font = drawing.calloutFont
        let lineHeight = drawing.height(font)
        let r = p.radius * scale + (p.outline == nil ? 0 : 2.5 * scale)
        for i in p.drawable where i < p.labels.count && !p.labels[i].allSatisfy(\.isWhitespace) {
            let c = PointDrawing.centre(p, i, x: x, y: y)
            let own = Rect(x: c.x - r, y: c.y - r, width: 2 * r, height: 2 * r)
            let pad = 4 * scale
            var items: [TextItem] = []
            for gap in [5 * scale, lineHeight * 0.7] {
                let d = r + gap + pad
                let places: [(Double, Double, TextItem.HorizontalAnchor, TextItem.VerticalAnchor)] = [
                    (d, 0, .left, .middle), (-d, 0, .right, .middle), (0, -d, .center, .bottom), (0, d, .center, .top),
                    (d * 0.75, -d * 0.75, .left, .bottom), (-d * 0.75, -d * 0.75, .right, .bottom),
                    (d * 0.75, d * 0.75, .left, .top), (-d * 0.75, d * 0.75, .right, .top),
                ]
                for (dx, dy, h, v) in places {
                    items.append(TextItem(p.labels[i], at: Point(x: c.x + dx, y: c.y + dy), font: font, color: p.color,
                                          horizontal: h, vertical: v))
                }
            }
            let clear = items.map { ($0, drawing.layout.box($0).inset(by: -pad)) }.filter { _, b in
                plot.contains(b) && drawing.layout.isFree(b)
            }
            let mine = PointDrawing.marks(p, i, x: x, y: y, scale: scale)
            func covers(_ b: Rect, _ rects: [Rect], except: [Rect]) -> Bool { rects.contains { !except.contains($0) && $0.intersects(b) } }
            let allowed = clear.filter { !covers($0.1, labelled, except: mine) }
            func covered(_ b: Rect) -> Int { marks.filter { $0 != own && $0.intersects(b) }.count }
            guard let (item, backdrop) = allowed.enumerated().min(by: { (covered($0.element.1), $0.offset) < (covered($1.element.1), $1.offset) })?.element
            else { continue }
            canvas.fill(backdrop, color: theme.panel.withAlpha(0.85))
            drawing.layout.reserve(backdrop)
            let box = drawing.layout.box(item)
            canvas.drawText(item)
            canvas.annotate(.callout(text: item.text, label: box, lineHeight: box.height, mark: own, leader: nil))
        }
    }
}
