/// Labels of vertical reference lines: near the top of the plot, beside the line, wherever free.
struct ReferenceLabelDrawing {
    let f: FigureDrawing
    let plot: Rect

    func drawVertical(_ ref: ReferenceLine, x: Double) {
        let s = f.s
        let lineH = f.height(f.markerFont) + 4 * s
        var candidates: [TextItem] = []
        for k in 0..<4 {
            let y = plot.minY + 6 * s + Double(k) * lineH
            candidates.append(TextItem(ref.label, at: Point(x: x + 6 * s, y: y), font: f.markerFont, color: ref.color,
                                       horizontal: .left, vertical: .top))
            candidates.append(TextItem(ref.label, at: Point(x: x - 6 * s, y: y), font: f.markerFont, color: ref.color,
                                       horizontal: .right, vertical: .top))
        }
        drawFirstFreeOnBackdrop(candidates)
    }

    /// Draws the first candidate whose box is free, on a panel-coloured backdrop so it stays legible
    /// over dense data of the same colour.
    func drawFirstFreeOnBackdrop(_ candidates: [TextItem]) {
        for c in candidates {
            let b = f.layout.box(c)
            guard f.layout.isFree(b, inside: plot) else { continue }
            f.drawOnBackdrop(c, opacity: 0.85)
            return
        }
    }
}
