/// Labelled points: a dot on the data and a small text block beside it, placed where it overlaps no
/// other text, stays inside the plot and, where possible, does not cover the drawn lines.
struct CalloutDrawing: FigurePart {
    let drawing: FigureDrawing
    let plot: Rect
    let x: LinearScale
    let y: LinearScale
    /// Device-space polylines the text should avoid covering.
    let avoid: [[Point]]

    /// Every callout's dot first, then the labels: a label never lies under a later dot, and
    /// takes a place off every dot when there is one.
    func draw(_ callouts: [Callout]) {
        var dots: [Rect] = []
        for c in callouts {
            let pt = Point(x: x.map(c.x), y: y.map(c.y))
            drawing.canvas.fill(.circle(center: pt, radius: 7 * scale), color: drawing.theme.background)
            drawing.canvas.fill(.circle(center: pt, radius: 5 * scale), color: c.color)
            dots.append(Rect(x: pt.x - 7 * scale, y: pt.y - 7 * scale, width: 14 * scale, height: 14 * scale))
        }
        for c in callouts { drawLabel(c, dots: dots) }
    }

    func fonts(_ c: Callout) -> [Font] { c.lines.indices.map { $0 == 0 ? drawing.calloutFont : drawing.tickFont } }

    func drawLabel(_ c: Callout, dots: [Rect]) {
        let pt = Point(x: x.map(c.x), y: y.map(c.y))
        guard !c.lines.isEmpty else { return }
        let fs = fonts(c)
        let pad = 6 * scale
        let heights = fs.map { drawing.height($0) }
        let w = zip(c.lines, fs).map { drawing.width($0, $1) }.max()! + 2 * pad
        let h = heights.reduce(0, +) + 2 * pad
        let gap = 14 * scale
        let vertical: [Double] = c.side == .above
            ? [pt.y - gap - h, pt.y + gap, pt.y - gap - h - 3 * gap, pt.y + 4 * gap]
            : [pt.y + gap, pt.y - gap - h, pt.y + 4 * gap, pt.y - gap - h - 3 * gap]
        let shifts: [Double] = [0, -0.6, 0.6, -1.1, 1.1].map { $0 * w }
        var candidates: [Rect] = []
        for top in vertical {
            for dx in shifts {
                let left = min(max(pt.x - w / 2 + dx, plot.minX + 2 * scale), plot.maxX - w - 2 * scale)
                let block = Rect(x: left, y: top, width: w, height: h)
                if plot.contains(block), drawing.layout.isFree(block) { candidates.append(block) }
            }
        }
        // Prefer a place that covers no dot and no line, then no dot; otherwise the first free one.
        let offDots = candidates.filter { b in !dots.contains { $0.intersects(b) } }
        guard let block = offDots.first(where: { !covers($0.inset(by: -2 * scale)) }) ?? offDots.first ?? candidates.first else { return }
        drawing.canvas.fill(block, color: drawing.theme.panel.withAlpha(0.85))
        var ty = block.minY + pad
        for (k, line) in c.lines.enumerated() {
            drawing.layout.draw(TextItem(line, at: Point(x: block.midX, y: ty), font: fs[k],
                                   color: k == 0 ? c.color : drawing.theme.text, horizontal: .center, vertical: .top))
            ty += heights[k]
        }
    }

    /// True when any avoided polyline passes through `r`.
    func covers(_ r: Rect) -> Bool {
        for line in avoid {
            for i in line.indices {
                let a = line[i]
                if a.x >= r.minX, a.x <= r.maxX, a.y >= r.minY, a.y <= r.maxY { return true }
                if i > 0, CalloutDrawing.segment(line[i - 1], a, crosses: r) { return true }
            }
        }
        return false
    }

    /// Segment–rectangle intersection (Liang–Barsky clipping).
    static func segment(_ a: Point, _ b: Point, crosses r: Rect) -> Bool {
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        for (p, q) in [(-dx, a.x - r.minX), (dx, r.maxX - a.x), (-dy, a.y - r.minY), (dy, r.maxY - a.y)] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let t = q / p
                if p < 0 { if t > t1 { return false }; t0 = max(t0, t) } else { if t < t0 { return false }; t1 = min(t1, t) }
            }
        }
        return t0 <= t1
    }
}
