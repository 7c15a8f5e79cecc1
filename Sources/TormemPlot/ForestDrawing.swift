import TormemCore

/// Draws a `ForestPanel`: a header across the panel for each section, under it a row per item: a
/// swatch and the label (on two lines when the rows are tall enough and a label too long for one),
/// the dot with its interval on the shared axis around the zero line, the text on the right.
struct ForestDrawing: FigurePart {
    let drawing: FigureDrawing
    let panel: ForestPanel
    let rect: Rect

    /// A section header's height, as a share of a row's.
    static let headerShare = 0.8

    /// The axis of `extent` (zero and every interval): the extent with a little room at both ends,
    /// so a dot at either is not cut by the plot's edge, and the nice ticks inside it. The domain is
    /// not rounded out to whole steps: effects of −95 % need no axis down to −200 %.
    struct Axis: Equatable {
        var domain: ClosedRange<Double>
        var ticks: NiceTicks
        /// The tick values inside the domain.
        var values: [Double]
    }

    static func axis(_ extent: ClosedRange<Double>, maxCount: Int) -> Axis {
        var lo = extent.lowerBound, hi = extent.upperBound
        if !(hi - lo > 1e-9) { lo -= 1; hi += 1 }
        let pad = (hi - lo) * 0.03
        let domain = (lo - pad)...(hi + pad)
        // Ticks are kept inside the domain only: up to twice as many steps so at least three show.
        var ticks = NiceTicks(lo: domain.lowerBound, hi: domain.upperBound, maxCount: maxCount)
        var inside = ticks.values.filter { domain.contains($0) }
        for more in stride(from: maxCount + 1, through: maxCount * 2, by: 1) where inside.count < 3 {
            ticks = NiceTicks(lo: domain.lowerBound, hi: domain.upperBound, maxCount: more)
            inside = ticks.values.filter { domain.contains($0) }
        }
        return Axis(domain: inside.count >= 2 ? domain : ticks.lower...ticks.upper, ticks: ticks,
                    values: inside.count >= 2 ? inside : ticks.values)
    }

    /// `+100 %`, `0 %`, `−50 %`: signed like the text column's effects.
    func tickLabel(_ v: Double, _ ticks: NiceTicks) -> String {
        (v == 0 ? "0" : NumberFormat.signed(v, decimals: ticks.decimals)) + panel.tickSuffix
    }

    /// Where everything goes: columns, fonts, row heights, the plot and its axis.
    struct Layout {
        var plot: Rect
        var area: Rect
        var rowH: Double
        var sectionH: Double
        var font: Font
        var labelX: Double
        var labelW: Double
        var twoLineLabels: Bool
        var twoLineTexts: Bool
        var axis: Axis
        var x: LinearScale
        var noteLines: [String]
    }

    func layout(headerHeight: Double) -> Layout? {
        let rows = panel.rows
        guard !rows.isEmpty else { return nil }
        var area = rect.sliceTop(headerHeight + 12 * scale).1.sliceRight(12 * scale).1
        let tickH = drawing.height(drawing.tickFont), axisH = drawing.height(drawing.axisFont), noteH = drawing.height(drawing.markerFont)
        let noteLines = panel.note.map { drawing.wrap($0, drawing.markerFont, rect.width, maxLines: 2) } ?? []
        area = area.sliceBottom(tickH + 10 * scale + (panel.axisLabel.isEmpty ? 0 : axisH + 6 * scale)
            + (noteLines.isEmpty ? 0 : Double(noteLines.count) * noteH + 8 * scale)).1
        // Above the rows: a strip for the zero line's label.
        let rowsArea = area.sliceTop(drawing.height(drawing.markerFont) + 8 * scale).1
        let rowH = rowsArea.height / (Double(rows.count) + Double(panel.sections.count) * Self.headerShare)

        // One line per row at the larger font, or two at a smaller one when a label or a text would
        // otherwise lose its end and the rows have room.
        let lineRatio = drawing.height(Font(size: 100)) / 100
        let oneSize = max(7, min(17 * scale, rowH * 0.62))
        let twoSize = max(7, min(15.5 * scale, rowH * 0.95 / (2 * 1.1 * lineRatio)))
        let canTwo = twoSize >= max(7.5, oneSize * 0.7)
        let labelCap = rect.width * 0.3, textCap = rect.width * 0.34
        func oneLineLabel(_ f: Font) -> Double {
            rows.map { drawing.width($0.label, f) + ($0.sublabel.isEmpty ? 0 : 8 * scale + drawing.width($0.sublabel, f)) }.max()!
        }
        func oneLineText(_ f: Font) -> Double {
            rows.map { r in drawing.width(r.text, Font(size: f.size, weight: .bold)) + (r.detail.isEmpty ? 0 : 10 * scale + drawing.width(r.detail, f)) }.max()!
        }
        let one = Font(size: oneSize)
        let indent = oneSize * 1.4
        let twoLabels = canTwo && indent + oneLineLabel(one) > labelCap
        let twoTexts = canTwo && oneLineText(one) > textCap
        let font = twoLabels || twoTexts ? Font(size: twoSize) : one
        let bold = Font(size: font.size, weight: .bold)
        let labelNeed = twoLabels ? rows.map { max(drawing.width($0.label, font), drawing.width($0.sublabel, font)) }.max()! : oneLineLabel(font)
        let textNeed = twoTexts ? rows.map { max(drawing.width($0.text, bold), drawing.width($0.detail, font)) }.max()! : oneLineText(font)
        let labelIndent = font.size * 1.4
        let textW = min(textCap, textNeed) + 10 * scale
        // Labels may take what a narrow text column leaves, keeping the plot at least 42 % wide.
        let labelW = min(max(labelCap, min(rect.width * 0.38, rect.width * 0.58 - textW)), labelIndent + labelNeed)
        let plotLeft = area.minX + labelW + 16 * scale
        let plotRight = max(plotLeft + 40 * scale, area.maxX - textW - 18 * scale)
        let plot = Rect(x: plotLeft, y: rowsArea.minY, width: plotRight - plotLeft, height: rowsArea.height)
        let axis = Self.axis(panel.extent, maxCount: max(2, min(8, Int(plot.width / (110 * scale)))))
        return Layout(plot: plot, area: area, rowH: rowH, sectionH: rowH * Self.headerShare, font: font,
                      labelX: area.minX + labelIndent, labelW: labelW - labelIndent, twoLineLabels: twoLabels, twoLineTexts: twoTexts,
                      axis: axis, x: LinearScale(domain: axis.domain, range: plot.minX...plot.maxX), noteLines: noteLines)
    }

    func draw() {
        let header = PanelDrawing(figure: drawing, panel: PlotPanel(title: panel.title, x: .linear(lo: 0, hi: 1, label: ""),
                                                                    y: YAxis(label: "", lo: 0, hi: 1), layers: [], legend: panel.legend),
                                  rect: rect)
        guard let l = layout(headerHeight: header.drawHeader()) else { return }
        let plot = l.plot, area = l.area
        canvas.annotate(.plotArea(plot))
        // The panel colour runs under the label and text columns too: one table, and the backdrops
        // of the section headers blend in.
        canvas.fill(Rect(x: area.minX, y: plot.minY, width: area.width, height: plot.height), color: theme.panel)
        for v in l.axis.values {
            let x = l.x.map(v)
            canvas.stroke(.segment(Point(x: x, y: plot.minY), Point(x: x, y: plot.maxY)), style: StrokeStyle(color: theme.grid, width: 1 * scale))
            drawing.layout.drawFirstFree([TextItem(tickLabel(v, l.axis.ticks), at: Point(x: x, y: plot.maxY + 6 * scale), font: drawing.tickFont,
                                                   color: theme.mutedText, horizontal: .center, vertical: .top)])
        }
        // The grid stops at the section headers' bands; the zero line runs on behind their text.
        var top = plot.minY
        for section in panel.sections {
            canvas.fill(Rect(x: area.minX, y: top, width: area.width, height: l.sectionH), color: theme.panel)
            top += l.sectionH + l.rowH * Double(section.rows.count)
        }
        drawZeroLine(l)

        var y = plot.minY
        for (i, section) in panel.sections.enumerated() {
            if i > 0 {
                canvas.stroke(.segment(Point(x: area.minX, y: y), Point(x: area.maxX, y: y)), style: StrokeStyle(color: theme.grid, width: 1.5 * scale))
            }
            let titleFont = Font(size: max(7, min(l.font.size * 1.08, l.sectionH * 0.7)), weight: .bold)
            let titleY = y + l.sectionH * 0.55
            let box = drawing.drawOnBackdrop(TextItem(drawing.fit(section.title, titleFont, area.width - 16 * scale),
                                                      at: Point(x: area.minX + 8 * scale, y: titleY), font: titleFont,
                                                      color: theme.text, vertical: .middle))
            let noteFont = Font(size: titleFont.size * 0.92), room = area.maxX - 8 * scale - (box.maxX + 14 * scale)
            if !section.note.isEmpty, room > noteFont.size * 4 {
                let note = drawing.fit(section.note, noteFont, room)
                if !note.isEmpty {
                    drawing.drawOnBackdrop(TextItem(note, at: Point(x: box.maxX + 14 * scale, y: titleY), font: noteFont,
                                                    color: theme.mutedText, vertical: .middle))
                }
            }
            y += l.sectionH
            for row in section.rows {
                ForestRowDrawing(drawing: drawing, row: row, layout: l, mid: y + l.rowH / 2).draw()
                y += l.rowH
            }
        }
        drawAxisLabels(l)
    }

    /// The solid line at zero over all rows, labelled in the strip above them.
    func drawZeroLine(_ l: Layout) {
        let x0 = l.x.map(0), top = l.area.minY
        canvas.stroke(.segment(Point(x: x0, y: top), Point(x: x0, y: l.plot.maxY)), style: StrokeStyle(color: theme.axis, width: 2 * scale))
        guard !panel.zeroLabel.isEmpty else { return }
        let f = drawing.markerFont
        let fitted = drawing.fit(panel.zeroLabel, f, rect.width)
        drawing.layout.drawFirstFree([
            TextItem(fitted, at: Point(x: x0 + 6 * scale, y: top), font: f, color: theme.mutedText, horizontal: .left, vertical: .top),
            TextItem(fitted, at: Point(x: x0 - 6 * scale, y: top), font: f, color: theme.mutedText, horizontal: .right, vertical: .top),
            TextItem(fitted, at: Point(x: min(max(x0, rect.minX + drawing.width(fitted, f) / 2), rect.maxX - drawing.width(fitted, f) / 2), y: top),
                     font: f, color: theme.mutedText, horizontal: .center, vertical: .top),
        ], inside: rect)
    }

    /// The axis title centred under the plot (moved and cut to stay on the canvas), then the note.
    func drawAxisLabels(_ l: Layout) {
        var bottom = l.plot.maxY + drawing.height(drawing.tickFont) + 12 * scale
        if !panel.axisLabel.isEmpty {
            let label = drawing.fit(panel.axisLabel, drawing.axisFont, rect.width)
            let w = drawing.width(label, drawing.axisFont)
            let x = min(max(l.plot.midX, rect.minX + w / 2), rect.maxX - w / 2)
            drawing.layout.draw(TextItem(label, at: Point(x: x, y: bottom), font: drawing.axisFont, color: theme.mutedText,
                                         horizontal: .center, vertical: .top))
            bottom += drawing.height(drawing.axisFont) + 6 * scale
        }
        let noteH = drawing.height(drawing.markerFont)
        for (i, line) in l.noteLines.enumerated() {
            drawing.layout.draw(TextItem(line, at: Point(x: l.area.minX, y: bottom + 2 * scale + Double(i) * noteH),
                                         font: drawing.markerFont, color: theme.mutedText, vertical: .top))
        }
    }
}
