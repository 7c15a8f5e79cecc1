/// Lays out and draws one panel: header (title + legend), y axis, x axis, plot area and annotations.
struct PanelDrawing {
    let f: FigureDrawing
    let panel: Panel
    let rect: Rect
    var s: Double { f.s }
    var theme: Theme { f.theme }
    var canvas: Canvas { f.canvas }

    init(figure: FigureDrawing, panel: Panel, rect: Rect) {
        f = figure; self.panel = panel; self.rect = rect
    }

    /// Left margin of the plot within `rect` (y label + tick labels), for a given plot height.
    func leftMargin(plotHeight: Double) -> Double {
        let ticks = yTicks(plotHeight: plotHeight).ticks
        let yLabelW = panel.y.label.isEmpty ? 0 : f.height(f.axisFont) + 14 * s
        let yTickW = ticks.values.map { f.width(ticks.label($0), f.tickFont) }.max() ?? 0
        return yLabelW + yTickW + 12 * s
    }

    /// Height of the plot area once header and x axis are taken off.
    func plotHeight(in area: Rect, headerHeight: Double) -> Double {
        let xAxis = XAxisLayout(panel: panel, drawing: f)
        let inner = area.sliceTop(headerHeight + 12 * s).1.sliceRight(12 * s).1
        return max(10, inner.height - xAxis.height(plotWidth: max(10, inner.width - 80 * s)))
    }

    /// Draws the panel; `minLeft` aligns plot areas of stacked panels.
    func draw(minLeft: Double = 0) {
        var area = rect
        // Header: title on the left, legend right-aligned beside it or wrapped below it.
        let headerHeight = drawHeader()
        area = area.sliceTop(headerHeight + 12 * s).1

        let xAxis = XAxisLayout(panel: panel, drawing: f)
        let yLabelW = panel.y.label.isEmpty ? 0 : f.height(f.axisFont) + 14 * s
        area = area.sliceRight(12 * s).1

        // Plot height decides y ticks, whose labels decide the left margin.
        let xAxisHeight = xAxis.height(plotWidth: max(10, area.width - yLabelW - 80 * s))
        let plotHeight = max(10, area.height - xAxisHeight)
        let yScaleInfo = yTicks(plotHeight: plotHeight)
        let left = max(minLeft, leftMargin(plotHeight: plotHeight))
        let plot = Rect(x: area.minX + left, y: area.minY, width: max(10, area.width - left), height: plotHeight)

        let xScale = xAxis.scale(plot: plot)
        let yScale = LinearScale(domain: yScaleInfo.ticks.lower...yScaleInfo.ticks.upper,
                                 range: plot.minY...plot.maxY, flipped: true)

        canvas.fill(plot, color: theme.panel)
        // Grid.
        for v in yScaleInfo.ticks.values {
            let y = yScale.map(v)
            canvas.stroke(.segment(Point(x: plot.minX, y: y), Point(x: plot.maxX, y: y)),
                          style: StrokeStyle(color: theme.grid, width: 1 * s))
        }
        let xTicks = xAxis.ticks(plot: plot, scale: xScale)
        for t in xTicks where t.grid {
            let x = xScale.map(t.value)
            canvas.stroke(.segment(Point(x: x, y: plot.minY), Point(x: x, y: plot.maxY)),
                          style: StrokeStyle(color: theme.grid.withAlpha(0.6), width: 1 * s))
        }

        // Data.
        canvas.pushClip(plot)
        let data = LayerDrawing(canvas: canvas, plot: plot, x: xScale, y: yScale, s: s, theme: theme)
        for layer in panel.layers { data.draw(layer) }
        for ref in panel.references {
            let dash = StrokeStyle(color: ref.color, width: 2 * s, dash: [10 * s, 6 * s])
            if ref.axis == .x {
                let x = xScale.map(ref.value)
                canvas.stroke(.segment(Point(x: x, y: plot.minY), Point(x: x, y: plot.maxY)), style: dash)
            } else {
                let y = yScale.map(ref.y)
                canvas.stroke(.segment(Point(x: plot.minX, y: y), Point(x: plot.maxX, y: y)), style: dash)
            }
        }
        let markers = MarkerDrawing(f: f, plot: plot, x: xScale)
        let markerLabels = markers.drawLines(panel.countChanges)
        canvas.popClip()

        // Axis line.
        canvas.stroke(.segment(Point(x: plot.minX, y: plot.maxY), Point(x: plot.maxX, y: plot.maxY)),
                      style: StrokeStyle(color: theme.axis, width: 1.5 * s))

        // Tick labels.
        for v in yScaleInfo.ticks.values {
            f.layout.drawFirstFree([TextItem(yScaleInfo.ticks.label(v), at: Point(x: plot.minX - 10 * s, y: yScale.map(v)),
                                             font: f.tickFont, color: theme.mutedText, horizontal: .right, vertical: .middle)])
        }
        xAxis.drawLabels(xTicks, plot: plot, scale: xScale, panelRect: rect)
        if !panel.y.label.isEmpty {
            f.layout.draw(TextItem(panel.y.label, at: Point(x: rect.minX, y: plot.midY), font: f.axisFont,
                                   color: theme.mutedText, horizontal: .center, vertical: .top, quarterTurns: 1))
        }

        // Annotations: reference labels, relay-count labels, callouts, bar labels.
        for ref in panel.references where ref.axis == .x {
            ReferenceLabelDrawing(f: f, plot: plot).drawVertical(ref, x: xScale.map(ref.value))
        }
        // Only labels that must avoid the data need the lines in device space.
        let needLines = !panel.callouts.isEmpty || panel.references.contains { $0.axis == .y }
        let lines = !needLines ? [] : panel.layers.flatMap { layer -> [[Point]] in
            guard case .line(let l) = layer else { return [] }
            return Decimator.polylines(xs: l.xs, ys: l.ys, mapX: xScale.map, mapY: yScale.map)
        }
        let avoid = CalloutDrawing(f: f, plot: plot, x: xScale, y: yScale, avoid: lines)
        for ref in panel.references where ref.axis == .y {
            let y = yScale.map(ref.y)
            // Right or left end, above or below the line; first where no data line runs through it.
            var candidates: [TextItem] = []
            for (x, h) in [(plot.maxX - 8 * s, TextItem.HorizontalAnchor.right), (plot.minX + 8 * s, .left),
                           (plot.midX, .center), (plot.minX + plot.width * 0.25, .center), (plot.minX + plot.width * 0.75, .center)] {
                for (dy, v) in [(-6 * s, TextItem.VerticalAnchor.bottom), (6 * s, .top)] {
                    candidates.append(TextItem(ref.label, at: Point(x: x, y: y + dy), font: f.markerFont, color: ref.color,
                                               horizontal: h, vertical: v))
                }
            }
            let clear = candidates.filter { c in
                let b = f.layout.box(c)
                return f.layout.isFree(b, inside: plot) && !avoid.covers(b)
            }
            ReferenceLabelDrawing(f: f, plot: plot).drawFirstFreeOnBackdrop(clear + candidates)
        }
        markers.drawLabels(markerLabels)
        for layer in panel.layers {
            if case .bars(let b) = layer { BarLabelDrawing(f: f, plot: plot, x: xScale, y: yScale).draw(b) }
        }
        CalloutDrawing(f: f, plot: plot, x: xScale, y: yScale, avoid: lines).draw(panel.callouts)
    }

    /// Y ticks for the plot height; bars get headroom for their labels.
    func yTicks(plotHeight: Double) -> (ticks: NiceTicks, Void) {
        var lo = panel.y.lo, hi = panel.y.hi
        if !lo.isFinite { lo = 0 }
        if !hi.isFinite || hi <= lo { hi = lo + 1 }
        let count = max(2, min(10, Int(plotHeight / (70 * s))))
        for layer in panel.layers {
            if case .histogram(let h) = layer { hi = max(hi, (h.counts.max() ?? 0) * 1.15) }
            if case .bars(let b) = layer {
                let need = BarLabelDrawing.headroom(b, drawing: f, plotWidth: rect.width, count: panel.x.categoryCount)
                if need < plotHeight * 0.8 {
                    hi = max(hi, (b.values.max() ?? 0) * plotHeight / (plotHeight - need))
                }
            }
        }
        return (NiceTicks(lo: lo, hi: hi, maxCount: count), ())
    }

    /// Draws the title and legend; returns the header height.
    @discardableResult
    func drawHeader(dryRun: Bool = false) -> Double {
        let titleH = panel.title == nil ? 0 : f.height(f.panelTitleFont)
        let legendH = f.height(f.legendFont)
        let titleW = panel.title.map { f.width($0, f.panelTitleFont) } ?? 0
        if let t = panel.title, !dryRun {
            f.layout.draw(TextItem(f.fit(t, f.panelTitleFont, rect.width), at: Point(x: rect.minX, y: rect.minY),
                                   font: f.panelTitleFont, color: theme.text, vertical: .top))
        }
        guard !panel.legend.isEmpty else { return titleH }
        let swatch = 30 * s, pad = 8 * s, spacing = 28 * s
        let widths = panel.legend.map { swatch + pad + min(f.width($0.label, f.legendFont), rect.width - swatch - pad) }
        let total = widths.reduce(0, +) + spacing * Double(widths.count - 1)
        var rows: [[Int]] = []
        var rowTop: Double
        if total <= rect.width - titleW - 40 * s {
            rows = [Array(panel.legend.indices)]
            rowTop = rect.minY + max(0, (titleH - legendH) / 2)
        } else {
            var row: [Int] = [], used = 0.0
            for (i, w) in widths.enumerated() {
                if !row.isEmpty, used + spacing + w > rect.width { rows.append(row); row = []; used = 0 }
                used += (row.isEmpty ? 0 : spacing) + w
                row.append(i)
            }
            if !row.isEmpty { rows.append(row) }
            rowTop = rect.minY + titleH + 8 * s
        }
        var bottom = rect.minY + titleH
        for row in rows {
            let rowW = row.map { widths[$0] }.reduce(0, +) + spacing * Double(row.count - 1)
            var x = rect.maxX - rowW
            let midY = rowTop + legendH / 2
            for i in row where !dryRun {
                let e = panel.legend[i]
                drawSwatch(e, Rect(x: x, y: midY - 7 * s, width: swatch, height: 14 * s))
                let label = f.fit(e.label, f.legendFont, widths[i] - swatch - pad)
                f.layout.draw(TextItem(label, at: Point(x: x + swatch + pad, y: midY), font: f.legendFont,
                                       color: theme.text, vertical: .middle))
                x += widths[i] + spacing
            }
            bottom = max(bottom, rowTop + legendH)
            rowTop += legendH + 6 * s
        }
        return bottom - rect.minY
    }

    func drawSwatch(_ e: LegendEntry, _ r: Rect) {
        switch e.swatch {
        case .line:
            canvas.stroke(.segment(Point(x: r.minX, y: r.midY), Point(x: r.maxX, y: r.midY)),
                          style: StrokeStyle(color: e.color, width: 4 * s))
        case .dashed:
            canvas.stroke(.segment(Point(x: r.minX, y: r.midY), Point(x: r.maxX, y: r.midY)),
                          style: StrokeStyle(color: e.color, width: 2.5 * s, dash: [6 * s, 4 * s]))
        case .band:
            canvas.fill(r, color: e.color)
        case .bar:
            canvas.fill(r.inset(top: 0, left: 6 * s, bottom: 0, right: 6 * s), color: e.color)
        }
    }
}

extension XAxis {
    var categoryCount: Int {
        if case .categories(let c) = self { return c.count }
        return 0
    }
}
