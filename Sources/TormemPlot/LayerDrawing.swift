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
            canvas.fill(Rect(x: cx - w / 2, y: min(top, y0), width: w, height: abs(y0 - top)), color: b.color)
        }
    }
}
