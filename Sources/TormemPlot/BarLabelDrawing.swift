/// The text above each bar: the value and a second line (e.g. a count). Side by side when the
/// bars are wide enough, otherwise one rotated line per bar, otherwise every k-th bar.
struct BarLabelDrawing: FigurePart {
    let drawing: FigureDrawing
    let plot: Rect
    let x: LinearScale
    let y: LinearScale

    enum Mode { case stacked, rotated(font: Font, stride: Int) }

    /// Side by side when wide enough; else rotated, shrinking the font (not below 60%) so every bar
    /// keeps its label; only then every k-th bar.
    static func mode(_ b: BarLayer, drawing: FigureDrawing, plotWidth: Double, count: Int) -> Mode {
        let n = max(1, count)
        let slot = plotWidth / Double(n)
        let widest = (b.labelsAbove.map { drawing.width($0, drawing.calloutFont) } + b.labelsInside.map { drawing.width($0, drawing.markerFont) }).max() ?? 0
        if widest + 6 * drawing.scale <= slot { return .stacked }
        let full = drawing.tickFont
        let h = drawing.height(full)
        let room = slot - 3 * drawing.scale
        if h <= room { return .rotated(font: full, stride: 1) }
        let shrunk = Font(size: full.size * max(0.6, room / h), weight: full.weight)
        let hs = drawing.height(shrunk)
        return .rotated(font: shrunk, stride: max(1, Int(((hs + 3 * drawing.scale) / slot).rounded(.up))))
    }

    static func text(_ b: BarLayer, _ i: Int) -> String {
        let a = i < b.labelsAbove.count ? b.labelsAbove[i] : ""
        let c = i < b.labelsInside.count ? b.labelsInside[i] : ""
        return [a, c].filter { !$0.isEmpty }.joined(separator: " · ")
    }

    /// Device units needed above the tallest bar.
    static func headroom(_ b: BarLayer, drawing: FigureDrawing, plotWidth: Double, count: Int) -> Double {
        switch mode(b, drawing: drawing, plotWidth: plotWidth, count: count) {
        case .stacked:
            return drawing.height(drawing.calloutFont) + (b.labelsInside.isEmpty ? 0 : drawing.height(drawing.markerFont)) + 14 * drawing.scale
        case .rotated(let font, _):
            return (b.values.indices.map { drawing.width(text(b, $0), font) }.max() ?? 0) + 16 * drawing.scale
        }
    }

    func draw(_ b: BarLayer) {
        switch BarLabelDrawing.mode(b, drawing: drawing, plotWidth: plot.width, count: b.values.count) {
        case .stacked:
            for (i, v) in b.values.enumerated() where v.isFinite {
                let cx = x.map(Double(i) + 0.5)
                var base = y.map(v) - 6 * scale
                if i < b.labelsInside.count, !b.labelsInside[i].isEmpty {
                    if let r = drawing.layout.drawFirstFree([TextItem(b.labelsInside[i], at: Point(x: cx, y: base), font: drawing.markerFont,
                                                                color: drawing.theme.mutedText, horizontal: .center, vertical: .bottom)],
                                                      inside: plot) {
                        base = r.minY
                    }
                }
                if i < b.labelsAbove.count {
                    drawing.layout.drawFirstFree([TextItem(b.labelsAbove[i], at: Point(x: cx, y: base), font: drawing.calloutFont,
                                                     color: drawing.theme.text, horizontal: .center, vertical: .bottom)], inside: plot)
                }
            }
        case .rotated(let font, let stride):
            for (i, v) in b.values.enumerated() where v.isFinite && i % stride == 0 {
                let cx = x.map(Double(i) + 0.5)
                drawing.layout.drawFirstFree([TextItem(BarLabelDrawing.text(b, i), at: Point(x: cx, y: y.map(v) - 6 * scale),
                                                 font: font, color: drawing.theme.text, horizontal: .left,
                                                 vertical: .middle, quarterTurns: 1)], inside: plot)
            }
        }
    }
}
