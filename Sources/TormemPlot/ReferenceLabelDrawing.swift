/// Labels of vertical reference lines: near the top of the plot, beside the line, wherever free.
struct ReferenceLabelDrawing: FigurePart {
    let drawing: FigureDrawing
    let plot: Rect

    func drawVertical(_ ref: ReferenceLine, x: Double) {
        let scale = drawing.scale
        let lineH = drawing.height(drawing.markerFont) + 4 * scale
        var candidates: [TextItem] = []
        for k in 0..<4 {
            let y = plot.minY + 6 * scale + Double(k) * lineH
            candidates.append(TextItem(ref.label, at: Point(x: x + 6 * scale, y: y), font: drawing.markerFont, color: ref.color,
                                       horizontal: .left, vertical: .top))
            candidates.append(TextItem(ref.label, at: Point(x: x - 6 * scale, y: y), font: drawing.markerFont, color: ref.color,
                                       horizontal: .right, vertical: .top))
        }
        drawFirstFreeOnBackdrop(candidates)
    }

    /// Draws the first candidate whose box is free, on a panel-coloured backdrop so it stays legible
    /// over dense data of the same colour.
    func drawFirstFreeOnBackdrop(_ candidates: [TextItem]) {
        for c in candidates {
            let b = drawing.layout.box(c)
            guard drawing.layout.isFree(b, inside: plot) else { continue }
            drawing.drawOnBackdrop(c, opacity: 0.85)
            return
        }
    }
}
