/// Draws data layers (lines, areas, bands, bars) into a plot rectangle, decimated to the pixel grid.
struct LayerDrawing {
    let canvas: Canvas
    let plot: Rect
    let x: LinearScale
    let y: LinearScale
    let scale: Double
    let theme: Theme

    func draw(_ layer: Layer) {
        switch layer {
        case .line(let l): drawLine(l)
        case .area(let a):
            let base = max(0, y.domain.lowerBound)
            if isDense(a.xs.count) {
                for e in ColumnEnvelope.band(xs: a.xs, upper: a.ys, lower: nil, baselineY: y.map(base), mapX: x.map, mapY: y.map) {
                    canvas.fillColumns(e, halfWidth: 0, color: a.color)
                }
            } else {
                for p in Decimator.bands(xs: a.xs, upper: a.ys, lower: nil, baseline: base, mapX: x.map, mapY: y.map) {
                    canvas.fill(p, color: a.color)
                }
            }
        case .band(let b):
            if isDense(b.xs.count) {
                for e in ColumnEnvelope.band(xs: b.xs, upper: b.upper, lower: b.lower, baselineY: 0, mapX: x.map, mapY: y.map) {
                    canvas.fillColumns(e, halfWidth: 0, color: b.color)
                }
            } else {
                for p in Decimator.bands(xs: b.xs, upper: b.upper, lower: b.lower, mapX: x.map, mapY: y.map) {
                    canvas.fill(p, color: b.color)
                }
            }
        case .bars(let b): drawBars(b)
        case .spread(let s): drawSpread(s)
        case .points(let p): PointDrawing.drawMarks(p, on: canvas, x: x, y: y, scale: scale)
        case .histogram(let h):
            let y0 = y.map(max(0, y.domain.lowerBound))
            for (i, c) in h.counts.enumerated() where c > 0 && i + 1 < h.edges.count {
                let x0 = x.map(h.edges[i]), x1 = x.map(h.edges[i + 1])
                let top = y.map(c)
                let gap = min(2 * scale, (x1 - x0) * 0.1)
                canvas.fill(Rect(x: x0 + gap / 2, y: top, width: max(0.5, x1 - x0 - gap), height: y0 - top), color: h.color)
            }
        }
    }

    /// More samples than pixel columns: drawn as column envelopes (same pixels, linear cost).
    func isDense(_ samples: Int) -> Bool { Double(samples) > plot.width * 1.5 }

    func drawLine(_ l: LineLayer) {
        if isDense(l.xs.count) {
            let half = min(l.width, 1.5) * scale / 2
            for e in ColumnEnvelope.line(xs: l.xs, ys: l.ys, mapX: x.map, mapY: y.map) {
                canvas.fillColumns(e, halfWidth: half, color: l.color)
            }
            return
        }
        let lines = Decimator.polylines(xs: l.xs, ys: l.ys, mapX: x.map, mapY: y.map)
        // Dense lines are drawn thinner and solid: dashes and thick strokes turn into noise there.
        let dense = Double(lines.reduce(0) { $0 + $1.count }) > plot.width / 3
        let style = dense
            ? StrokeStyle(color: l.color, width: min(l.width, 1.5) * scale)
            : StrokeStyle(color: l.color, width: l.width * scale, dash: l.dash.map { $0 * scale })
        for pts in lines {
            if pts.count == 1 {
                canvas.fill(.circle(center: pts[0], radius: max(l.width * scale, 3 * scale)), color: l.color)
            } else {
                canvas.stroke(Path(polyline: pts), style: style)
            }
        }
        let points = lines.reduce(0) { $0 + $1.count }
        guard l.markers, points > 0, Double(points) <= plot.width / (16 * scale) else { return }
        for pts in lines {
            for p in pts { canvas.fill(.circle(center: p, radius: 4.5 * scale), color: l.color) }
        }
    }

    func drawBars(_ b: BarLayer) {
        guard !b.values.isEmpty else { return }
        let slot = plot.width / Double(b.values.count)
        let w = max(1, min(slot * 0.72, 240 * scale))
        let y0 = y.map(max(0, y.domain.lowerBound))
        for (i, v) in b.values.enumerated() where v.isFinite {
            let cx = x.map(Double(i) + 0.5)
            let top = y.map(v)
            let bar = Rect(x: cx - w / 2, y: min(top, y0), width: w, height: abs(y0 - top))
            if i < b.partial.count, b.partial[i] {
                canvas.fill(bar, color: b.color.withAlpha(BarLayer.partialAlpha))
                let edge = 1.5 * scale
                var outline = Path(polyline: [Point(x: bar.minX + edge / 2, y: bar.maxY), Point(x: bar.minX + edge / 2, y: bar.minY + edge / 2),
                                              Point(x: bar.maxX - edge / 2, y: bar.minY + edge / 2), Point(x: bar.maxX - edge / 2, y: bar.maxY)])
                outline.close()
                canvas.stroke(outline, style: StrokeStyle(color: b.color, width: edge, dash: [6 * scale, 4 * scale]))
            } else {
                canvas.fill(bar, color: b.color)
            }
        }
    }

    /// The radius of a spread column's dots (smaller when there are many).
    func dotRadius(_ c: SpreadLayer.Column) -> Double {
        max(2, min(5, 140 / Double(max(1, c.values.count)).squareRoot()) * scale)
    }

    /// The centres of a spread layer's dots, column by column.
    func dotCentres(_ s: SpreadLayer) -> [(Point, radius: Double)] {
        s.columns.enumerated().flatMap { i, c in
            c.values.enumerated().filter { $0.element.isFinite }.map { k, v in
                (Point(x: x.map(Double(i) + 0.5 + SpreadLayer.jitter(k)), y: y.map(v)), dotRadius(c))
            }
        }
    }

    /// The boxes of a spread layer's dots and mean diamonds: what labels must not cover.
    func marks(_ s: SpreadLayer) -> [Rect] {
        let dots = dotCentres(s).map { p, r in Rect(x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r) }
        let d = meanHalfSize
        let means = s.columns.enumerated().filter { $0.element.mean.isFinite }.map { i, c in
            Rect(x: x.map(Double(i) + 0.5) - d, y: y.map(c.mean) - d, width: 2 * d, height: 2 * d)
        }
        return dots + means
    }

    var meanHalfSize: Double { 8 * scale }

    /// Dots, quartile box, median line and mean diamond of each column.
    func drawSpread(_ s: SpreadLayer) {
        for (i, c) in s.columns.enumerated() {
            let centre = Double(i) + 0.5
            let left = x.map(centre - 0.22), right = x.map(centre + 0.22)
            if c.q1.isFinite, c.q3.isFinite {
                let top = y.map(c.q3), bottom = y.map(c.q1)
                let box = Rect(x: left, y: min(top, bottom), width: right - left, height: max(1, abs(bottom - top)))
                canvas.fill(box, color: c.color.withAlpha(0.18))
                canvas.stroke(Path(rect: box), style: StrokeStyle(color: c.color.withAlpha(0.9), width: 1.5 * scale))
            }
            let radius = dotRadius(c)
            for (k, v) in c.values.enumerated() where v.isFinite {
                let p = Point(x: x.map(centre + SpreadLayer.jitter(k)), y: y.map(v))
                canvas.fill(.circle(center: p, radius: radius), color: c.color.withAlpha(0.75))
            }
            if c.median.isFinite {
                let m = y.map(c.median)
                canvas.stroke(.segment(Point(x: left, y: m), Point(x: right, y: m)),
                              style: StrokeStyle(color: theme.text, width: 3 * scale))
            }
            if c.mean.isFinite {
                LayerDrawing.meanMarker(at: Point(x: x.map(centre), y: y.map(c.mean)), halfSize: meanHalfSize, scale: scale,
                                        theme: theme, on: canvas)
            }
        }
    }

    /// The mean: a hollow diamond in the text colour on the background, unlike every status colour
    /// of the dots (and the red of FRAGMENTED) in both themes.
    static func meanMarker(at p: Point, halfSize d: Double, scale: Double, theme: Theme, on canvas: Canvas) {
        var diamond = Path(polyline: [Point(x: p.x, y: p.y - d), Point(x: p.x + d, y: p.y), Point(x: p.x, y: p.y + d),
                                      Point(x: p.x - d, y: p.y)])
        diamond.close()
        canvas.fill(diamond, color: theme.background)
        canvas.stroke(diamond, style: StrokeStyle(color: theme.text, width: 2.5 * scale))
    }
}
