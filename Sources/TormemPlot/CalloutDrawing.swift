/// Labelled points: a dot on the data and a small text block beside it, placed where it overlaps no
/// other text, stays inside the plot and, where possible, covers no dot and no drawn line. A label
/// that could not sit next to its dot is joined to it by a leader line.
struct CalloutDrawing: FigurePart {
    let drawing: FigureDrawing
    let plot: Rect
    let x: LinearScale
    let y: LinearScale
    /// Device-space polylines the text should avoid covering.
    let avoid: [[Point]]
    /// Further marks (a spread layer's dots) the text should not cover.
    var marks: [Rect] = []

    /// Every callout's dot first, then the labels: a label never lies under a later dot, and
    /// takes a place off every dot when there is one.
    func draw(_ callouts: [Callout]) {
        var dots: [Rect] = []
        for c in callouts {
            let pt = Point(x: x.map(c.x), y: y.map(c.y))
            drawing.canvas.fill(.circle(center: pt, radius: 7 * scale), color: drawing.theme.background)
            drawing.canvas.fill(.circle(center: pt, radius: 5 * scale), color: c.color)
            dots.append(dot(pt))
        }
        for c in callouts { drawLabel(c, dots: dots + marks) }
    }

    func dot(_ pt: Point) -> Rect { Rect(x: pt.x - 7 * scale, y: pt.y - 7 * scale, width: 14 * scale, height: 14 * scale) }

    func fonts(_ c: Callout) -> [Font] { c.lines.indices.map { $0 == 0 ? drawing.calloutFont : drawing.tickFont } }

    /// Places for a label block of `w`×`h` around `pt`: first the four near ones (beside the dot,
    /// then a little further, on the callout's side first), then every other row of the plot,
    /// nearest first; only those inside the plot and clear of other text.
    func candidates(_ c: Callout, at pt: Point, w: Double, h: Double) -> [Rect] {
        let gap = 14 * scale
        let near: [Double] = c.side == .above
            ? [pt.y - gap - h, pt.y + gap, pt.y - gap - h - 3 * gap, pt.y + 4 * gap]
            : [pt.y + gap, pt.y - gap - h, pt.y + 4 * gap, pt.y - gap - h - 3 * gap]
        let step = max(4 * scale, h / 3)
        var far: [Double] = []
        var k = 1.0
        while pt.y - gap - h - k * step >= plot.minY || pt.y + gap + k * step + h <= plot.maxY {
            far += [pt.y - gap - h - k * step, pt.y + gap + k * step]
            k += 1
        }
        let shifts: [Double] = [0, -0.6, 0.6, -1.1, 1.1].map { $0 * w }
        func blocks(_ tops: [Double]) -> [Rect] {
            var out: [Rect] = []
            for top in tops {
                for dx in shifts {
                    let left = min(max(pt.x - w / 2 + dx, plot.minX + 2 * scale), plot.maxX - w - 2 * scale)
                    let block = Rect(x: left, y: top, width: w, height: h)
                    if plot.contains(block), drawing.layout.isFree(block) { out.append(block) }
                }
            }
            return out
        }
        let own = dot(pt)
        let further = blocks(far).enumerated().sorted { a, b in
            let da = a.element.distance(to: own), db = b.element.distance(to: own)
            return da != db ? da < db : a.offset < b.offset
        }.map(\.element)
        return blocks(near) + further
    }

    func drawLabel(_ c: Callout, dots: [Rect]) {
        let pt = Point(x: x.map(c.x), y: y.map(c.y))
        guard !c.lines.isEmpty else { return }
        let fs = fonts(c)
        let pad = 6 * scale
        let heights = fs.map { drawing.height($0) }
        let w = zip(c.lines, fs).map { drawing.width($0, $1) }.max()! + 2 * pad
        let h = heights.reduce(0, +) + 2 * pad
        let candidates = candidates(c, at: pt, w: w, h: h)
        // Prefer a place that covers no dot and no line, then no dot; otherwise the first free one.
        let offDots = candidates.filter { b in !dots.contains { $0.intersects(b) } }
        guard let block = offDots.first(where: { !covers($0.inset(by: -2 * scale)) }) ?? offDots.first ?? candidates.first else { return }
        let items = c.lines.indices.map { k in
            TextItem(c.lines[k], at: Point(x: block.midX, y: block.minY + pad + heights[..<k].reduce(0, +)), font: fs[k],
                     color: k == 0 ? c.color : drawing.theme.text, horizontal: .center, vertical: .top)
        }
        let first = drawing.layout.box(items[0]), own = dot(pt)
        var leader: [Point]?
        if first.distance(to: own) > first.height {
            // From the dot's rim to the nearest point of the block.
            let end = block.nearestPoint(to: pt)
            let dx = end.x - pt.x, dy = end.y - pt.y, len = max(1e-9, (dx * dx + dy * dy).squareRoot())
            let start = Point(x: pt.x + dx / len * 7 * scale, y: pt.y + dy / len * 7 * scale)
            leader = [start, end]
            drawing.canvas.stroke(.segment(start, end), style: StrokeStyle(color: drawing.theme.mutedText, width: 1.5 * scale))
        }
        drawing.canvas.fill(block, color: drawing.theme.panel.withAlpha(0.85))
        let boxes = items.map { drawing.layout.draw($0) }
        let text = boxes.dropFirst().reduce(first) { u, b in
            Rect(x: min(u.minX, b.minX), y: min(u.minY, b.minY), width: max(u.maxX, b.maxX) - min(u.minX, b.minX),
                 height: max(u.maxY, b.maxY) - min(u.minY, b.minY))
        }
        drawing.canvas.annotate(.callout(text: c.lines[0], label: text, lineHeight: first.height, mark: own, leader: leader))
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
