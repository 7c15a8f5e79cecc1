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
        f.layout.drawFirstFree(candidates, inside: plot)
    }
}
