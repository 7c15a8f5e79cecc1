/// The text above each bar: the value and a second line (e.g. relay count). Side by side when the
/// bars are wide enough, otherwise one rotated line per bar, otherwise every k-th bar.
struct BarLabelDrawing {
    let f: FigureDrawing
    let plot: Rect
    let x: LinearScale
    let y: LinearScale
    var s: Double { f.s }

    enum Mode { case stacked, rotated(font: Font, stride: Int) }

    /// Side by side when wide enough; else rotated, shrinking the font (not below 60%) so every bar
    /// keeps its label; only then every k-th bar.
    static func mode(_ b: BarLayer, drawing f: FigureDrawing, plotWidth: Double, count: Int) -> Mode {
        let n = max(1, count)
        let slot = plotWidth / Double(n)
        let widest = (b.labelsAbove.map { f.width($0, f.calloutFont) } + b.labelsInside.map { f.width($0, f.markerFont) }).max() ?? 0
        if widest + 6 * f.s <= slot { return .stacked }
        let full = f.tickFont
        let h = f.height(full)
        let room = slot - 3 * f.s
        if h <= room { return .rotated(font: full, stride: 1) }
        let shrunk = Font(size: full.size * max(0.6, room / h), weight: full.weight)
        let hs = f.height(shrunk)
        return .rotated(font: shrunk, stride: max(1, Int(((hs + 3 * f.s) / slot).rounded(.up))))
    }

    static func text(_ b: BarLayer, _ i: Int) -> String {
        let a = i < b.labelsAbove.count ? b.labelsAbove[i] : ""
        let c = i < b.labelsInside.count ? b.labelsInside[i] : ""
        return [a, c].filter { !$0.isEmpty }.joined(separator: " · ")
    }

    /// Device units needed above the tallest bar.
    static func headroom(_ b: BarLayer, drawing f: FigureDrawing, plotWidth: Double, count: Int) -> Double {
        switch mode(b, drawing: f, plotWidth: plotWidth, count: count) {
        case .stacked:
            return f.height(f.calloutFont) + (b.labelsInside.isEmpty ? 0 : f.height(f.markerFont)) + 14 * f.s
        case .rotated(let font, _):
            return (b.values.indices.map { f.width(text(b, $0), font) }.max() ?? 0) + 16 * f.s
        }
    }

    func draw(_ b: BarLayer) {
        switch BarLabelDrawing.mode(b, drawing: f, plotWidth: plot.width, count: b.values.count) {
        case .stacked:
            for (i, v) in b.values.enumerated() where v.isFinite {
                let cx = x.map(Double(i) + 0.5)
                var base = y.map(v) - 6 * s
                if i < b.labelsInside.count, !b.labelsInside[i].isEmpty {
                    if let r = f.layout.drawFirstFree([TextItem(b.labelsInside[i], at: Point(x: cx, y: base), font: f.markerFont,
                                                                color: f.theme.mutedText, horizontal: .center, vertical: .bottom)],
                                                      inside: plot) {
                        base = r.minY
                    }
                }
                if i < b.labelsAbove.count {
                    f.layout.drawFirstFree([TextItem(b.labelsAbove[i], at: Point(x: cx, y: base), font: f.calloutFont,
                                                     color: f.theme.text, horizontal: .center, vertical: .bottom)], inside: plot)
                }
            }
        case .rotated(let font, let stride):
            for (i, v) in b.values.enumerated() where v.isFinite && i % stride == 0 {
                let cx = x.map(Double(i) + 0.5)
                f.layout.drawFirstFree([TextItem(BarLabelDrawing.text(b, i), at: Point(x: cx, y: y.map(v) - 6 * s),
                                                 font: font, color: f.theme.text, horizontal: .left,
                                                 vertical: .middle, quarterTurns: 1)], inside: plot)
            }
        }
    }
}
