/// Draws a `RankingPanel`: a label column, horizontal bars on a numeric axis, value text at each bar's
/// end, vertical reference lines labelled above the bars.
struct RankingDrawing: FigurePart {
    let drawing: FigureDrawing
    let panel: RankingPanel
    let rect: Rect

    /// A row's heading band's height, as a share of a row's.
    static let headingShare = 0.8

    func draw() {
        let header = PanelDrawing(figure: drawing, panel: PlotPanel(title: panel.title, x: .linear(lo: 0, hi: 1, label: ""),
                                                          y: YAxis(label: "", lo: 0, hi: 1), layers: [],
                                                          legend: panel.legend), rect: rect)
        let headerH = header.drawHeader()
        var area = rect.sliceTop(headerH + 12 * scale).1.sliceRight(12 * scale).1
        guard !panel.rows.isEmpty else { return }

        // Bottom: axis ticks, axis label, note.
        let tickH = drawing.height(drawing.tickFont), axisH = drawing.height(drawing.axisFont), noteH = drawing.height(drawing.markerFont)
        // A long note (the status rule) goes on two lines rather than losing its end.
        let noteLines = panel.note.map { drawing.wrap($0, drawing.markerFont, rect.width, maxLines: 2) } ?? []
        let bottomH = tickH + 10 * scale + (panel.axisLabel.isEmpty ? 0 : axisH + 6 * scale) +
            (noteLines.isEmpty ? 0 : Double(noteLines.count) * noteH + 8 * scale)
        area = area.sliceBottom(bottomH).1
        // Top: a strip for reference labels.
        let refStrip = panel.references.isEmpty ? 0 : drawing.height(drawing.markerFont) + 8 * scale
        let plotArea = area.sliceTop(refStrip).1

        let gaps = panel.rows.filter(\.gapBefore).count, headings = panel.rows.filter { $0.heading != nil }.count
        let units = Double(panel.rows.count) + Double(gaps) * 0.6
        var rowH = plotArea.height / (units + Double(headings) * Self.headingShare)
        // A heading band is never lower than its smallest font: squeezed rows give it the room.
        let headingH = max(rowH * Self.headingShare, headings == 0 ? 0 : drawing.height(Font(size: 7, weight: .bold)) * 1.15)
        if headings > 0, headingH > rowH * Self.headingShare { rowH = max(1, (plotArea.height - Double(headings) * headingH) / units) }
        let fontSize = max(7, min(17 * scale, rowH * 0.62))
        let labelFont = Font(size: fontSize), valueFont = Font(size: fontSize, weight: .bold)
        let detailFont = Font(size: fontSize)

        let labelW = min(rect.width * 0.28, panel.rows.map { drawing.width($0.label, labelFont) }.max() ?? 0)
        let textW = panel.rows.map { r in
            drawing.width(r.text, valueFont) + (r.detail.isEmpty ? 0 : 10 * scale + drawing.width(r.detail, detailFont))
        }.max() ?? 0
        // Rows tall enough for two lines put a long detail under the value: then only the wider
        // of the two needs room beside the longest bar.
        let twoLineW = panel.rows.map { r in max(drawing.width(r.text, valueFont), drawing.width(r.detail, detailFont)) }.max() ?? 0
        let canWrap = Int(rowH * 0.95 / (drawing.height(detailFont) * 1.1)) >= 2
        let reserve = min(rect.width * 0.42, (canWrap && textW + 16 * scale > rect.width * 0.42 ? twoLineW : textW) + 16 * scale)
        let barLeft = area.minX + labelW + 14 * scale
        let barRight = max(barLeft + 20 * scale, area.maxX - reserve)
        let marked = panel.rows.flatMap { $0.marks.map(\.value) }.filter(\.isFinite).max() ?? 0
        let hi = max(panel.rows.map(\.value).filter(\.isFinite).max() ?? 1, panel.references.map(\.value).max() ?? 0, marked)
        let ticks = NiceTicks(lo: 0, hi: hi > 0 ? hi : 1, maxCount: max(2, min(8, Int((barRight - barLeft) / (110 * scale)))))
        let xScale = LinearScale(domain: ticks.lower...ticks.upper, range: barLeft...barRight)
        let plot = Rect(x: barLeft, y: area.minY, width: barRight - barLeft, height: area.height)
        drawing.canvas.annotate(.plotArea(plot))

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
            if let heading = row.heading {
                // A band of the panel colour across labels and bars: the grid stops at it.
                let h = headingH
                canvas.fill(Rect(x: area.minX, y: y, width: area.maxX - area.minX, height: h), color: theme.panel)
                let font = Font(size: max(7, min(fontSize * 1.05, h * 0.7)), weight: .bold)
                drawing.layout.draw(TextItem(drawing.fit(heading, font, area.width - 16 * scale), at: Point(x: area.minX + 8 * scale, y: y + h * 0.55),
                                             font: font, color: theme.text, vertical: .middle))
                y += h
            }
            let mid = y + rowH / 2
            let barH = max(1, min(rowH * 0.7, 56 * scale))
            let barEnd = row.value.isFinite ? xScale.map(max(0, row.value)) : barLeft
            drawing.canvas.fill(Rect(x: barLeft, y: mid - barH / 2, width: max(0, barEnd - barLeft), height: barH), color: row.color)
            var end = barEnd
            for mark in row.marks where mark.value.isFinite {
                let x = xScale.map(max(0, mark.value)), reach = barH / 2 + 4 * scale
                if mark.joined, x > barEnd + 2 * scale {
                    drawing.canvas.stroke(.segment(Point(x: barEnd, y: mid), Point(x: x, y: mid)),
                                          style: StrokeStyle(color: theme.mutedText, width: 1.5 * scale, dash: [2 * scale, 4 * scale]))
                }
                drawing.canvas.stroke(.segment(Point(x: x, y: mid - reach), Point(x: x, y: mid + reach)),
                                      style: StrokeStyle(color: theme.text, width: 3 * scale, dash: mark.dashed ? [5 * scale, 3 * scale] : []))
                // The row's text starts after a tick beyond the bar, never over it.
                end = max(end, x + 3 * scale)
            }
            drawing.layout.draw(TextItem(panel.cutsLabelsInTheMiddle ? drawing.fitMiddle(row.label, labelFont, labelW) : drawing.fit(row.label, labelFont, labelW), at: Point(x: barLeft - 10 * scale, y: mid),
                                   font: labelFont, color: theme.text, horizontal: .right, vertical: .middle))
            // The detail follows the value on its line, or goes under it when it would lose its end
            // there and the row has room for two lines.
            let lineH = drawing.height(detailFont)
            let valueW = drawing.width(row.text, valueFont)
            let sameLine = row.detail.isEmpty || drawing.width(row.detail, detailFont) <= area.maxX - (end + 8 * scale + valueW) - 10 * scale
            let available = Int(rowH * 0.95 / (lineH * 1.1))
            if !sameLine && available >= 2 {
                let x = end + 8 * scale
                let lines = drawing.wrap(row.detail, detailFont, area.maxX - x - 10 * scale, maxLines: available - 1)
                let step = lineH * 1.1, first = mid - step * Double(lines.count) / 2
                drawing.drawOnBackdrop(TextItem(row.text, at: Point(x: x, y: first), font: valueFont, color: theme.text, vertical: .middle))
                for (i, line) in lines.enumerated() where !line.isEmpty {
                    drawing.drawOnBackdrop(TextItem(line, at: Point(x: x, y: first + step * Double(i + 1)), font: detailFont,
                                                    color: theme.mutedText, vertical: .middle))
                }
            } else {
                let valueBox = drawing.drawOnBackdrop(TextItem(row.text, at: Point(x: end + 8 * scale, y: mid),
                                                               font: valueFont, color: theme.text, vertical: .middle))
                let detail = row.detail.isEmpty ? "" : drawing.fit(row.detail, detailFont, area.maxX - valueBox.maxX - 20 * scale)
                if !detail.isEmpty {
                    drawing.drawOnBackdrop(TextItem(detail, at: Point(x: valueBox.maxX + 10 * scale, y: mid), font: detailFont,
                                              color: theme.mutedText, vertical: .middle))
                }
            }
            y += rowH
        }
        var bottom = plot.maxY + tickH + 12 * scale
        if !panel.axisLabel.isEmpty {
            // Centred under the bars, moved (and cut) so it stays on the canvas.
            let label = drawing.fit(panel.axisLabel, drawing.axisFont, rect.width)
            let w = drawing.width(label, drawing.axisFont)
            let x = min(max(plot.midX, rect.minX + w / 2), rect.maxX - w / 2)
            drawing.layout.draw(TextItem(label, at: Point(x: x, y: bottom), font: drawing.axisFont,
                                   color: theme.mutedText, horizontal: .center, vertical: .top))
            bottom += axisH + 6 * scale
        }
        for (i, line) in noteLines.enumerated() {
            drawing.layout.draw(TextItem(line, at: Point(x: area.minX, y: bottom + 2 * scale + Double(i) * noteH),
                                   font: drawing.markerFont, color: theme.mutedText, vertical: .top))
        }
    }
}
