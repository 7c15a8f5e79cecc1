/// Labelled points: a dot on the data and a small text block beside it, placed where it overlaps no
/// other text and stays inside the plot.
struct CalloutDrawing {
    let f: FigureDrawing
    let plot: Rect
    let x: LinearScale
    let y: LinearScale
    var s: Double { f.s }

    func draw(_ callouts: [Callout]) {
        for c in callouts { draw(c) }
    }

    func fonts(_ c: Callout) -> [Font] { c.lines.indices.map { $0 == 0 ? f.calloutFont : f.tickFont } }

    func draw(_ c: Callout) {
        let pt = Point(x: x.map(c.x), y: y.map(c.y))
        f.canvas.fill(.circle(center: pt, radius: 7 * s), color: f.theme.background)
        f.canvas.fill(.circle(center: pt, radius: 5 * s), color: c.color)
        guard !c.lines.isEmpty else { return }
        let fs = fonts(c)
        let pad = 6 * s
        let heights = fs.map { f.height($0) }
        let w = zip(c.lines, fs).map { f.width($0, $1) }.max()! + 2 * pad
        let h = heights.reduce(0, +) + 2 * pad
        let gap = 14 * s
        let vertical: [Double] = c.side == .above
            ? [pt.y - gap - h, pt.y + gap]
            : [pt.y + gap, pt.y - gap - h]
        let shifts: [Double] = [0, -0.6, 0.6, -1.1, 1.1].map { $0 * w }
        for top in vertical {
            for dx in shifts {
                var left = pt.x - w / 2 + dx
                left = min(max(left, plot.minX + 2 * s), plot.maxX - w - 2 * s)
                let block = Rect(x: left, y: top, width: w, height: h)
                guard plot.contains(block), f.layout.isFree(block) else { continue }
                f.canvas.fill(block, color: f.theme.panel.withAlpha(0.85))
                var ty = top + pad
                for (k, line) in c.lines.enumerated() {
                    f.layout.draw(TextItem(line, at: Point(x: block.midX, y: ty), font: fs[k],
                                           color: k == 0 ? c.color : f.theme.text, horizontal: .center, vertical: .top))
                    ty += heights[k]
                }
                return
            }
        }
    }
}
