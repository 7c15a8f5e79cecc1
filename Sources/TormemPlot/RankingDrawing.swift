/// Draws a `RankingPanel`: a label column, horizontal bars on a numeric axis, value text at each bar's
/// end, vertical reference lines labelled above the bars.
struct RankingDrawing: FigurePart {
    let drawing: FigureDrawing
    let panel: RankingPanel
    let rect: Rect

    func draw() {
        let header = PanelDrawing(figure: drawing, panel: PlotPanel(title: panel.title, x: .linear(lo: 0, hi: 1, label: ""),
                                                          y: YAxis(label: "", lo: 0, hi: 1), layers: [],
                                                          legend: panel.legend), rect: rect)
        let headerH = header.drawHeader()
        var area = rect.sliceTop(headerH + 12 * scale).1.sliceRight(12 * scale).1
        guard !panel.rows.isEmpty else { return }

        // Bottom: axis ticks, axis label, note.
        let tickH = drawing.height(drawing.tickFont), axisH = drawing.height(drawing.axisFont), noteH = drawing.height(drawing.markerFont)
        let bottomH = tickH + 10 * scale + (panel.axisLabel.isEmpty ? 0 : axisH + 6 * scale) + (panel.note == nil ? 0 : noteH + 8 * scale)
        area = area.sliceBottom(bottomH).1
        // Top: a strip for reference labels.
        let refStrip = panel.references.isEmpty ? 0 : drawing.height(drawing.markerFont) + 8 * scale
        let plotArea = area.sliceTop(refStrip).1

        let gaps = panel.rows.filter(\.gapBefore).count
        let rowH = plotArea.height / (Double(panel.rows.count) + Double(gaps) * 0.6)
        let fontSize = max(7, min(17 * scale, rowH * 0.62))
        let labelFont = Font(size: fontSize), valueFont = Font(size: fontSize, weight: .bold)
        let detailFont = Font(size: fontSize)

        let labelW = min(rect.width * 0.28, panel.rows.map { drawing.width($0.label, labelFont) }.max() ?? 0)
        let textW = panel.rows.map { r in
            drawing.width(r.text, valueFont) + (r.detail.isEmpty ? 0 : 10 * scale + drawing.width(r.detail, detailFont))
        }.max() ?? 0
        let reserve = min(rect.width * 0.42, textW + 16 * scale)
        let barLeft = area.minX + labelW + 14 * scale
        let barRight = max(barLeft + 20 * scale, area.maxX - reserve)
        let hi = max(panel.rows.map(\.value).filter(\.isFinite).max() ?? 1, panel.references.map(\.value).max() ?? 0)
        let ticks = NiceTicks(lo: 0, hi: hi > 0 ? hi : 1, maxCount: max(2, min(8, Int((barRight - barLeft) / (110 * scale)))))
        let xScale = LinearScale(domain: ticks.lower...ticks.upper, range: barLeft...barRight)
        let plot = Rect(x: barLeft, y: area.minY, width: barRight - barLeft, height: area.height)

        // The panel colour runs under the value texts too, so their backdrops blend in.
        drawing.canvas.fill(Rect(x: plot.minX, y: plot.minY, width: area.maxX - plot.minX, height: plot.height), color: theme.panel)
        for v in ticks.values {
            let x = xScale.map(v)
            drawing.canvas.stroke(.segment(Point(x: x, y: plot.minY), Point(x: x, y: plot.maxY)),
                            style: StrokeStyle(color: theme.grid, width: 1 * scale))
            drawing.layout.drawFirstFree([TextItem(ticks.label(v), at: Point(x: x, y: plot.maxY + 6 * scale), font: drawing.tickFont,
                                             color: theme.mutedText, horizontal: .center, vertical: .top)])
        }
        for ref in panel.references {
            let x = xScale.map(ref.value)
            drawing.canvas.stroke(.segment(Point(x: x, y: plot.minY), Point(x: x, y: plot.maxY)),
                            style: StrokeStyle(color: ref.color, width: 2 * scale, dash: [10 * scale, 6 * scale]))
            drawing.layout.drawFirstFree([
                TextItem(ref.label, at: Point(x: x + 6 * scale, y: plot.minY + 3 * scale), font: drawing.markerFont, color: ref.color,
                         horizontal: .left, vertical: .top),
                TextItem(ref.label, at: Point(x: x - 6 * scale, y: plot.minY + 3 * scale), font: drawing.markerFont, color: ref.color,
                         horizontal: .right, vertical: .top),
            ], inside: rect)
        }
        var y = plotArea.minY
        for row in panel.rows {
            if row.gapBefore {
                let gy = y + rowH * 0.3
                drawing.canvas.stroke(.segment(Point(x: area.minX, y: gy), Point(x: area.maxX, y: gy)),
                                style: StrokeStyle(color: theme.grid, width: 1 * scale, dash: [4 * scale, 4 * scale]))
                y += rowH * 0.6
            }
            let mid = y + rowH / 2
            let barH = max(1, min(rowH * 0.7, 56 * scale))
            let end = row.value.isFinite ? xScale.map(max(0, row.value)) : barLeft
            drawing.canvas.fill(Rect(x: barLeft, y: mid - barH / 2, width: max(0, end - barLeft), height: barH), color: row.color)
            drawing.layout.draw(TextItem(drawing.fit(row.label, labelFont, labelW), at: Point(x: barLeft - 10 * scale, y: mid),
                                   font: labelFont, color: theme.text, horizontal: .right, vertical: .middle))
            let valueBox = drawing.drawOnBackdrop(TextItem(row.text, at: Point(x: end + 8 * scale, y: mid), font: valueFont,
                                                     color: theme.text, vertical: .middle))
            if !row.detail.isEmpty {
                let room = area.maxX - valueBox.maxX - 10 * scale
                let detail = drawing.fit(row.detail, detailFont, room)
                if !detail.isEmpty {
                    drawing.drawOnBackdrop(TextItem(detail, at: Point(x: valueBox.maxX + 10 * scale, y: mid), font: detailFont,
                                              color: theme.mutedText, vertical: .middle))
                }
            }
            y += rowH
        }
        var bottom = plot.maxY + tickH + 12 * scale
        if !panel.axisLabel.isEmpty {
            drawing.layout.draw(TextItem(panel.axisLabel, at: Point(x: plot.midX, y: bottom), font: drawing.axisFont,
                                   color: theme.mutedText, horizontal: .center, vertical: .top))
            bottom += axisH + 6 * scale
        }
        if let note = panel.note {
            drawing.layout.draw(TextItem(drawing.fit(note, drawing.markerFont, rect.width), at: Point(x: area.minX, y: bottom + 2 * scale),
                                   font: drawing.markerFont, color: theme.mutedText, vertical: .top))
        }
    }
}
