/// Lays out and draws one panel: header (title + legend), y axis, x axis, plot area and annotations.
struct PanelDrawing: FigurePart {
    let drawing: FigureDrawing
    let panel: PlotPanel
    let rect: Rect

    init(figure: FigureDrawing, panel: PlotPanel, rect: Rect) {
        drawing = figure; self.panel = panel; self.rect = rect
    }

    /// Where the plot goes in the panel, and the y ticks drawn beside it.
    struct Layout {
        /// The plot's left edge from the axes area's: the y label and the widest tick label.
        var left: Double
        var plotHeight: Double
        var yTicks: NiceTicks
    }

    /// The part of `rect` the axes and the plot take: below the header, inside the right margin,
    /// left of the key.
    func axesArea(headerHeight: Double) -> Rect {
        let area = rect.sliceTop(headerHeight + 12 * scale).1.sliceRight(12 * scale).1
        guard let key = keyArea(headerHeight: headerHeight), let k = panel.key else { return area }
        return area.sliceRight(area.maxX - key.minX + PanelKeyDrawing(drawing: drawing, key: k).gap).1
    }

    /// Where the panel's key goes (right of the plot, below the header), or nil without one.
    func keyArea(headerHeight: Double) -> Rect? {
        guard let key = panel.key else { return nil }
        let area = rect.sliceTop(headerHeight + 12 * scale).1
        let keyDrawing = PanelKeyDrawing(drawing: drawing, key: key)
        let width = keyDrawing.width(panelWidth: area.width)
        return area.sliceRight(width).0
    }

    /// The left margin that `ticks`' labels need (y label + tick labels).
    func leftMargin(_ ticks: NiceTicks) -> Double {
        let yLabelW = panel.y.label.isEmpty ? 0 : drawing.height(drawing.axisFont) + 14 * scale
        let yTickW = ticks.values.map { drawing.width(ticks.label($0), drawing.tickFont) }.max() ?? 0
        return yLabelW + yTickW + 12 * scale
    }

    /// The layout in `area`, the left margin at least `minLeft` (stacked panels share theirs).
    /// The plot's width decides the x axis's height (wrapped category labels) and the room bar
    /// labels need above the bars; with the height, those decide the y ticks, whose labels decide
    /// the left margin, which decides the plot's width: all are settled together, so that the
    /// margin and the labels are computed for the plot's width as it is drawn.
    func layout(in area: Rect, minLeft: Double = 0) -> Layout {
        let xAxis = XAxisLayout(panel: panel, drawing: drawing)
        let yLabelW = panel.y.label.isEmpty ? 0 : drawing.height(drawing.axisFont) + 14 * scale
        var width = max(10, area.width - yLabelW - 80 * scale)
        var settled: Layout?
        for _ in 0..<4 {
            let plotHeight = max(10, area.height - xAxis.height(plotWidth: width))
            let ticks = yTicks(plotHeight: plotHeight, plotWidth: width)
            // The margin is always the one these ticks need, even if the width has not settled.
            let layout = Layout(left: max(minLeft, leftMargin(ticks)), plotHeight: plotHeight, yTicks: ticks)
            settled = layout
            let drawn = max(10, area.width - layout.left)
            if drawn == width { break }
            width = drawn
        }
        return settled!
    }

    /// Draws the panel; `minLeft` aligns plot areas of stacked panels.
    func draw(minLeft: Double = 0) {
        // Header: title on the left, legend right-aligned beside it or wrapped below it.
        let headerHeight = drawHeader()
        let area = axesArea(headerHeight: headerHeight)
        let xAxis = XAxisLayout(panel: panel, drawing: drawing)
        let layout = layout(in: area, minLeft: minLeft)
        let yAxisTicks = layout.yTicks
        let plot = Rect(x: area.minX + layout.left, y: area.minY, width: max(10, area.width - layout.left), height: layout.plotHeight)

        let xScale = xAxis.scale(plot: plot)
        let yScale = LinearScale(domain: yAxisTicks.lower...yAxisTicks.upper,
                                 range: plot.minY...plot.maxY, flipped: true)

        canvas.fill(plot, color: theme.panel)
        canvas.annotate(.plotArea(plot))
        // Grid.
        for v in yAxisTicks.values {
            let y = yScale.map(v)
            canvas.stroke(.segment(Point(x: plot.minX, y: y), Point(x: plot.maxX, y: y)),
                          style: StrokeStyle(color: theme.grid, width: 1 * scale))
        }
        let xTicks = xAxis.ticks(plot: plot, scale: xScale)
        for t in xTicks where t.grid {
            let x = xScale.map(t.value)
            canvas.stroke(.segment(Point(x: x, y: plot.minY), Point(x: x, y: plot.maxY)),
                          style: StrokeStyle(color: theme.grid.withAlpha(0.6), width: 1 * scale))
        }

        // Data.
        canvas.pushClip(plot)
        let data = LayerDrawing(canvas: canvas, plot: plot, x: xScale, y: yScale, scale: scale, theme: theme)
        for layer in panel.layers { data.draw(layer) }
        for ref in panel.references {
            let dash = StrokeStyle(color: ref.color, width: 2 * scale, dash: [10 * scale, 6 * scale])
            if ref.axis == .x {
                let x = xScale.map(ref.value)
                canvas.stroke(.segment(Point(x: x, y: plot.minY), Point(x: x, y: plot.maxY)), style: dash)
            } else {
                let y = yScale.map(ref.value)
                canvas.stroke(.segment(Point(x: plot.minX, y: y), Point(x: plot.maxX, y: y)), style: dash)
            }
        }
        let markers = MarkerDrawing(drawing: drawing, plot: plot, x: xScale)
        let markerLabels = markers.drawLines(panel.countChanges)
        let events = EventMarkerDrawing(drawing: drawing, plot: plot, x: xScale)
        events.drawLines(panel.events)
        canvas.popClip()

        // Axis line.
        canvas.stroke(.segment(Point(x: plot.minX, y: plot.maxY), Point(x: plot.maxX, y: plot.maxY)),
                      style: StrokeStyle(color: theme.axis, width: 1.5 * scale))

        // Tick labels.
        for v in yAxisTicks.values {
            drawing.layout.drawFirstFree([TextItem(yAxisTicks.label(v), at: Point(x: plot.minX - 10 * scale, y: yScale.map(v)),
                                             font: drawing.tickFont, color: theme.mutedText, horizontal: .right, vertical: .middle)])
        }
        xAxis.drawLabels(xTicks, plot: plot, scale: xScale, panelRect: rect)
        if !panel.y.label.isEmpty {
            // Along the plot's height, never beyond it: a smaller font, then the end cut off.
            var font = drawing.axisFont, label = panel.y.label
            let full = drawing.width(label, font)
            if full > plot.height { font = Font(size: font.size * max(0.7, plot.height / full), weight: font.weight) }
            var kept = label
            while kept.count > 3, drawing.width(label, font) > plot.height { kept.removeLast(); label = kept + "…" }
            drawing.layout.draw(TextItem(label, at: Point(x: rect.minX, y: plot.midY), font: font,
                                   color: theme.mutedText, horizontal: .center, vertical: .top, quarterTurns: 1))
        }

        // Annotations: reference labels, count-change labels, callouts, bar labels.
        for ref in panel.references where ref.axis == .x {
            ReferenceLabelDrawing(drawing: drawing, plot: plot).drawVertical(ref, x: xScale.map(ref.value))
        }
        // Only labels that must avoid the data need the lines in device space.
        let needLines = !panel.callouts.isEmpty || panel.references.contains { $0.axis == .y }
        let lines = !needLines ? [] : panel.layers.flatMap { layer -> [[Point]] in
            guard case .line(let l) = layer else { return [] }
            return Decimator.polylines(xs: l.xs, ys: l.ys, mapX: xScale.map, mapY: yScale.map)
        }
        let avoid = CalloutDrawing(drawing: drawing, plot: plot, x: xScale, y: yScale, avoid: lines)
        // Reference labels keep off the points of a scatter too (a group's mean on the zone's line).
        let pointMarks = panel.layers.flatMap { layer -> [Rect] in
            guard case .points(let p) = layer else { return [] }
            return PointDrawing.marks(p, x: xScale, y: yScale, scale: scale)
        }
        for ref in panel.references where ref.axis == .y {
            let y = yScale.map(ref.value)
            // Right or left end, above or below the line; first where no data line runs through it.
            var candidates: [TextItem] = []
            for (x, h) in [(plot.maxX - 8 * scale, TextItem.HorizontalAnchor.right), (plot.minX + 8 * scale, .left),
                           (plot.midX, .center), (plot.minX + plot.width * 0.25, .center), (plot.minX + plot.width * 0.75, .center)] {
                for (dy, v) in [(-6 * scale, TextItem.VerticalAnchor.bottom), (6 * scale, .top)] {
                    candidates.append(TextItem(ref.label, at: Point(x: x, y: y + dy), font: drawing.markerFont, color: ref.color,
                                               horizontal: h, vertical: v))
                }
            }
            let clear = candidates.filter { c in
                let b = drawing.layout.box(c)
                return drawing.layout.isFree(b, inside: plot) && !avoid.covers(b) && !pointMarks.contains { $0.intersects(b) }
            }
            ReferenceLabelDrawing(drawing: drawing, plot: plot).drawFirstFreeOnBackdrop(clear + candidates)
        }
        markers.drawLabels(markerLabels)
        events.drawLabels(panel.events)
        for layer in panel.layers {
            if case .bars(let b) = layer { BarLabelDrawing(drawing: drawing, plot: plot, x: xScale, y: yScale).draw(b) }
        }
        // Callout boxes also keep off the reference lines, which they would otherwise hide.
        let referenceLines: [[Point]] = panel.references.map { ref in
            if ref.axis == .x {
                let x = xScale.map(ref.value)
                return [Point(x: x, y: plot.minY), Point(x: x, y: plot.maxY)]
            }
            let y = yScale.map(ref.value)
            return [Point(x: plot.minX, y: y), Point(x: plot.maxX, y: y)]
        }
        let marks = panel.layers.flatMap { layer -> [Rect] in
            switch layer {
            case .spread(let s): return data.marks(s)
            case .points(let p): return PointDrawing.marks(p, x: xScale, y: yScale, scale: scale)
            default: return []
            }
        }
        let points = PointDrawing(drawing: drawing, plot: plot, x: xScale, y: yScale)
        let labelled = panel.layers.flatMap { layer -> [Rect] in
            guard case .points(let p) = layer, !p.labels.isEmpty else { return [] }
            return PointDrawing.marks(p, x: xScale, y: yScale, scale: scale)
        }
        for layer in panel.layers {
            if case .points(let p) = layer { points.drawLabels(p, marks: marks, labelled: labelled) }
        }
        CalloutDrawing(drawing: drawing, plot: plot, x: xScale, y: yScale, avoid: lines + referenceLines, marks: marks)
            .draw(panel.callouts)
        if let key = panel.key, let keyRect = keyArea(headerHeight: headerHeight) {
            PanelKeyDrawing(drawing: drawing, key: key).draw(in: keyRect)
        }
    }

    /// Y ticks for the plot's height; bars get headroom for their labels at the plot's width.
    func yTicks(plotHeight: Double, plotWidth: Double) -> NiceTicks {
        var lo = panel.y.lo, hi = panel.y.hi
        if !lo.isFinite { lo = 0 }
        if !hi.isFinite || hi <= lo { hi = lo + 1 }
        let count = max(2, min(10, Int(plotHeight / (70 * scale))))
        for layer in panel.layers {
            if case .histogram(let h) = layer { hi = max(hi, (h.counts.max() ?? 0) * 1.15) }
            if case .bars(let b) = layer {
                let need = BarLabelDrawing.headroom(b, drawing: drawing, plotWidth: plotWidth, count: panel.x.categoryCount)
                if need < plotHeight * 0.8 {
                    hi = max(hi, (b.values.max() ?? 0) * plotHeight / (plotHeight - need))
                }
            }
        }
        var ticks = NiceTicks(lo: lo, hi: hi, maxCount: count)
        var fewer = count
        while panel.y.wholeNumbers, ticks.decimals > 0, fewer > 2 {
            fewer -= 1
            ticks = NiceTicks(lo: lo, hi: hi, maxCount: fewer)
        }
        return ticks
    }

    /// Draws the title and legend; returns the header height.
    @discardableResult
    func drawHeader(dryRun: Bool = false) -> Double {
        let titleH = panel.title == nil ? 0 : drawing.height(drawing.panelTitleFont)
        let legendH = drawing.height(drawing.legendFont)
        let titleW = panel.title.map { drawing.width($0, drawing.panelTitleFont) } ?? 0
        if let t = panel.title, !dryRun {
            drawing.layout.draw(TextItem(drawing.fit(t, drawing.panelTitleFont, rect.width), at: Point(x: rect.minX, y: rect.minY),
                                   font: drawing.panelTitleFont, color: theme.text, vertical: .top))
        }
        guard !panel.legend.isEmpty else { return titleH }
        let swatch = 30 * scale, pad = 8 * scale, spacing = 28 * scale
        let widths = panel.legend.map { swatch + pad + min(drawing.width($0.label, drawing.legendFont), rect.width - swatch - pad) }
        let total = widths.reduce(0, +) + spacing * Double(widths.count - 1)
        var rows: [[Int]] = []
        var rowTop: Double
        if total <= rect.width - titleW - 40 * scale {
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
            rowTop = rect.minY + titleH + 8 * scale
        }
        var bottom = rect.minY + titleH
        for row in rows {
            let rowW = row.map { widths[$0] }.reduce(0, +) + spacing * Double(row.count - 1)
            var x = rect.maxX - rowW
            let midY = rowTop + legendH / 2
            for i in row where !dryRun {
                let e = panel.legend[i]
                drawSwatch(e, Rect(x: x, y: midY - 7 * scale, width: swatch, height: 14 * scale))
                let label = drawing.fit(e.label, drawing.legendFont, widths[i] - swatch - pad)
                drawing.layout.draw(TextItem(label, at: Point(x: x + swatch + pad, y: midY), font: drawing.legendFont,
                                       color: theme.text, vertical: .middle))
                x += widths[i] + spacing
            }
            bottom = max(bottom, rowTop + legendH)
            rowTop += legendH + 6 * scale
        }
        return bottom - rect.minY
    }

    func drawSwatch(_ e: LegendEntry, _ r: Rect) { PanelDrawing.drawSwatch(e, r, drawing: drawing) }

    /// A legend entry's swatch in `r` (the header's legend, a panel key).
    static func drawSwatch(_ e: LegendEntry, _ r: Rect, drawing: FigureDrawing) {
        let canvas = drawing.canvas, scale = drawing.scale, theme = drawing.theme
        let centre = Point(x: r.midX, y: r.midY)
        switch e.swatch {
        case .line:
            canvas.stroke(.segment(Point(x: r.minX, y: r.midY), Point(x: r.maxX, y: r.midY)),
                          style: StrokeStyle(color: e.color, width: (e.dash.isEmpty ? 4 : 3) * scale, dash: e.dash.map { $0 * scale }))
        case .dashed:
            canvas.stroke(.segment(Point(x: r.minX, y: r.midY), Point(x: r.maxX, y: r.midY)),
                          style: StrokeStyle(color: e.color, width: 2.5 * scale, dash: [6 * scale, 4 * scale]))
        case .band:
            canvas.fill(r, color: e.color)
        case .bar:
            canvas.fill(r.inset(top: 0, left: 6 * scale, bottom: 0, right: 6 * scale), color: e.color)
        case .dot:
            canvas.fill(.circle(center: centre, radius: 6 * scale), color: e.color)
        case .diamond:
            LayerDrawing.meanMarker(at: centre, halfSize: 8 * scale, scale: scale, theme: theme, on: canvas)
        case .ring:
            canvas.stroke(.circle(center: centre, radius: 9 * scale, sides: 32), style: StrokeStyle(color: e.color, width: 3 * scale))
        case .pointRange:
            let bar = StrokeStyle(color: e.color, width: 2.5 * scale), half = min(r.width, r.height * 2) / 2
            canvas.stroke(.segment(Point(x: centre.x - half, y: centre.y), Point(x: centre.x + half, y: centre.y)), style: bar)
            canvas.stroke(.segment(Point(x: centre.x, y: r.minY - 4 * scale), Point(x: centre.x, y: r.maxY + 4 * scale)), style: bar)
            canvas.fill(.circle(center: centre, radius: 8.5 * scale, sides: 32), color: theme.text)
            canvas.fill(.circle(center: centre, radius: 6 * scale, sides: 32), color: e.color)
        }
    }
}

extension XAxis {
    var categoryCount: Int {
        if case .categories(let c) = self { return c.count }
        return 0
    }
}
