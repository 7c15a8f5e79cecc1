/// One row of a `ForestDrawing`: the swatch and label on the left, the interval from its low to its
/// high end with caps and the dot at the estimate (or the note saying why there is none), the text
/// on the right.
struct ForestRowDrawing: FigurePart {
    let drawing: FigureDrawing
    let row: ForestPanel.Row
    let layout: ForestDrawing.Layout
    /// The row's vertical centre.
    let mid: Double

    var font: Font { layout.font }
    var bold: Font { Font(size: font.size, weight: .bold) }
    /// The distance between the centres of a two-line row's lines.
    var step: Double { drawing.height(font) * 1.1 }

    func draw() {
        drawLabel()
        drawMark()
        drawText()
    }

    func drawLabel() {
        let l = layout
        canvas.fill(.circle(center: Point(x: l.area.minX + font.size * 0.7, y: mid), radius: font.size * 0.3, sides: 24), color: row.color)
        if l.twoLineLabels {
            drawing.layout.draw(TextItem(drawing.fitMiddle(row.label, font, l.labelW), at: Point(x: l.labelX, y: mid - step / 2), font: font,
                                         color: theme.text, vertical: .middle))
            if !row.sublabel.isEmpty {
                drawing.layout.draw(TextItem(drawing.fit(row.sublabel, font, l.labelW), at: Point(x: l.labelX, y: mid + step / 2), font: font,
                                             color: theme.mutedText, vertical: .middle))
            }
            return
        }
        let box = drawing.layout.draw(TextItem(drawing.fitMiddle(row.label, font, l.labelW), at: Point(x: l.labelX, y: mid), font: font,
                                               color: theme.text, vertical: .middle))
        let room = l.labelX + l.labelW - box.maxX - 8 * scale
        let sub = row.sublabel.isEmpty || room < font.size * 2 ? "" : drawing.fit(row.sublabel, font, room)
        if !sub.isEmpty {
            drawing.layout.draw(TextItem(sub, at: Point(x: box.maxX + 8 * scale, y: mid), font: font, color: theme.mutedText, vertical: .middle))
        }
    }

    func drawMark() {
        let plot = layout.plot, x = layout.x
        let noteFont = Font(size: min(drawing.markerFont.size, font.size * 0.92))
        guard let e = row.estimate, e.isFinite else {
            // No estimate: the reason where the dot would be, across the zero line.
            guard let note = row.note, !note.isEmpty else { return }
            drawing.drawOnBackdrop(TextItem(drawing.fit(note, noteFont, plot.width - 16 * scale), at: Point(x: plot.midX, y: mid),
                                            font: noteFont, color: theme.mutedText, horizontal: .center, vertical: .middle))
            return
        }
        let cx = x.map(e), r = max(2.5 * scale, min(7 * scale, layout.rowH * 0.2))
        if let iv = row.interval {
            let lo = x.map(iv.lowerBound), hi = x.map(iv.upperBound), cap = max(r * 0.8, min(layout.rowH * 0.22, 9 * scale))
            let style = StrokeStyle(color: row.color, width: 3 * scale)
            canvas.stroke(.segment(Point(x: lo, y: mid), Point(x: hi, y: mid)), style: style)
            canvas.stroke(.segment(Point(x: lo, y: mid - cap), Point(x: lo, y: mid + cap)), style: style)
            canvas.stroke(.segment(Point(x: hi, y: mid - cap), Point(x: hi, y: mid + cap)), style: style)
        }
        canvas.fill(.circle(center: Point(x: cx, y: mid), radius: r + 2 * scale, sides: 32), color: theme.text)
        canvas.fill(.circle(center: Point(x: cx, y: mid), radius: r, sides: 32), color: row.color)
        guard let note = row.note, !note.isEmpty else { return }
        // Beside the dot, right or left, whole if it fits there, else cut on the roomier side.
        let gap = r + 8 * scale
        let right = plot.maxX - 4 * scale - (cx + gap), left = cx - gap - (plot.minX + 4 * scale)
        var candidates = [TextItem(note, at: Point(x: cx + gap, y: mid), font: noteFont, color: theme.mutedText, vertical: .middle),
                          TextItem(note, at: Point(x: cx - gap, y: mid), font: noteFont, color: theme.mutedText, horizontal: .right, vertical: .middle)]
        let cut = drawing.fit(note, noteFont, max(right, left))
        if !cut.isEmpty {
            candidates.append(right >= left
                ? TextItem(cut, at: Point(x: cx + gap, y: mid), font: noteFont, color: theme.mutedText, vertical: .middle)
                : TextItem(cut, at: Point(x: cx - gap, y: mid), font: noteFont, color: theme.mutedText, horizontal: .right, vertical: .middle))
        }
        if let item = candidates.first(where: { drawing.layout.isFree(drawing.layout.box($0), inside: plot) }) {
            drawing.drawOnBackdrop(item)
        }
    }

    func drawText() {
        let x0 = layout.plot.maxX + 18 * scale, room = layout.area.maxX - 10 * scale - x0
        if layout.twoLineTexts {
            drawing.layout.draw(TextItem(drawing.fit(row.text, bold, room), at: Point(x: x0, y: mid - step / 2), font: bold,
                                         color: theme.text, vertical: .middle))
            if !row.detail.isEmpty {
                drawing.layout.draw(TextItem(drawing.fit(row.detail, font, room), at: Point(x: x0, y: mid + step / 2), font: font,
                                             color: theme.mutedText, vertical: .middle))
            }
            return
        }
        let box = drawing.layout.draw(TextItem(drawing.fit(row.text, bold, room), at: Point(x: x0, y: mid), font: bold,
                                               color: theme.text, vertical: .middle))
        let rest = layout.area.maxX - 10 * scale - box.maxX - 10 * scale
        let detail = row.detail.isEmpty || rest < font.size * 2 ? "" : drawing.fit(row.detail, font, rest)
        if !detail.isEmpty {
            drawing.layout.draw(TextItem(detail, at: Point(x: box.maxX + 10 * scale, y: mid), font: font, color: theme.mutedText, vertical: .middle))
        }
    }
}
