/// The x axis of a panel: its scale, ticks and tick labels for time, numeric and category axes.
struct XAxisLayout: FigurePart {
    struct Tick { var value: Double; var label: String; var grid: Bool }
    enum Orientation { case horizontal, wrapped, rotated }

    /// A category label on several lines: broken at its ` · ` separators and before ` (`
    /// (`A · mimalloc 2.0.9 (n = 15)` → `A`, `mimalloc 2.0.9`, `(n = 15)`).
    static func lines(_ label: String) -> [String] {
        var out: [String] = []
        var current: [Character] = []
        let chars = Array(label)
        var i = 0
        while i < chars.count {
            if i + 2 < chars.count, chars[i] == " ", chars[i + 1] == "·", chars[i + 2] == " " {
                out.append(String(current)); current = []; i += 3; continue
            }
            if i + 1 < chars.count, chars[i] == " ", chars[i + 1] == "(", !current.isEmpty {
                out.append(String(current)); current = []; i += 1; continue
            }
            current.append(chars[i]); i += 1
        }
        out.append(String(current))
        return out.filter { !$0.isEmpty }
    }

    /// The most lines a category label is wrapped on before it is turned along the axis instead
    /// (turned labels take their whole length out of the plot's height).
    static let maximumLines = 5

    /// A category label on lines that each fit `slot`: at its separators (`lines`) when that
    /// gives at most three; else each of those parts wrapped (`wordWrap`); else the whole label
    /// wrapped (`A · DirCache 0 + MaxMem 2GB (n = 3)` in a narrow slot → `A`, `DirCache 0 +`,
    /// `MaxMem 2GB`, `(n = 3)`; `G_glibc_dircache0_historical (n = 20)` → `G_glibc_`,
    /// `dircache0_`, `historical`, `(n = 20)`). Nil when it takes more than `maximumLines`.
    func wrapped(_ label: String, slot: Double, font: Font? = nil) -> [String]? {
        let font = font ?? drawing.tickFont
        let fits = { (line: String) in drawing.width(line, font) + 12 * drawing.scale <= slot }
        let parts = XAxisLayout.lines(label)
        if parts.count <= 3, parts.allSatisfy(fits) { return parts }
        var lines: [String] = []
        for part in parts {
            guard let w = XAxisLayout.wordWrap(part, fits: fits) else { lines = []; break }
            lines += w
        }
        if !lines.isEmpty, lines.count <= Self.maximumLines { return lines }
        if let whole = XAxisLayout.wordWrap(label, fits: fits), whole.count <= Self.maximumLines { return whole }
        return nil
    }

    /// Where a line may break: at spaces (dropped), after `_`, `-` and `/` (kept at the end of
    /// the line), so long IDs (`C_tcmalloc215_historical`) wrap too. Each piece says whether a
    /// space came before it.
    static func pieces(_ text: String) -> [(text: String, spaced: Bool)] {
        var out: [(String, Bool)] = [], current = "", spaced = false
        for ch in text {
            if ch == " " {
                if !current.isEmpty { out.append((current, spaced)); current = "" }
                spaced = true
                continue
            }
            current.append(ch)
            if ch == "_" || ch == "-" || ch == "/" {
                out.append((current, spaced)); current = ""; spaced = false
            }
        }
        if !current.isEmpty { out.append((current, spaced)) }
        if let first = out.first { out[0] = (first.0, false) }
        return out
    }

    /// `text` broken at `pieces` into the fewest lines that `fits` accepts, filled greedily; nil
    /// when a single piece does not fit.
    static func wordWrap(_ text: String, fits: (String) -> Bool) -> [String]? {
        var lines: [String] = [], current = ""
        for piece in pieces(text) {
            let candidate = current.isEmpty ? piece.text : current + (piece.spaced ? " " : "") + piece.text
            if fits(candidate) { current = candidate; continue }
            guard !current.isEmpty, fits(piece.text) else { return nil }
            lines.append(current)
            current = piece.text
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    let panel: PlotPanel
    let drawing: FigureDrawing

    init(panel: PlotPanel, drawing: FigureDrawing) { self.panel = panel; self.drawing = drawing }

    var gap: Double { 28 * drawing.scale }

    var domain: ClosedRange<Double> {
        switch panel.x {
        case .time(let a, let b):
            return b > a ? a...b : (a - 43_200)...(a + 43_200)
        case .categories(let c):
            return 0...Double(max(1, c.count))
        case .linear(let lo, let hi, _):
            return hi > lo ? lo...hi : (lo - 0.5)...(lo + 0.5)
        }
    }

    /// The median spacing of the panel's first series (0 when unknown).
    var samplingInterval: Double {
        for layer in panel.layers {
            let xs = layer.xs
            guard xs.count > 2 else { continue }
            var d = (1..<xs.count).map { xs[$0] - xs[$0 - 1] }
            d.sort()
            return d[d.count / 2]
        }
        return 0
    }

    func scale(plot: Rect) -> LinearScale { LinearScale(domain: domain, range: plot.minX...plot.maxX) }

    /// Category labels that do not fit wrapped at the tick size are tried this much smaller (no
    /// smaller: a 2100-px chart shown 880 px wide keeps them above 10.5 px) before they are turned.
    static let wrappedShrink = 0.85

    /// Label orientation, stride and font for categories.
    func categoryLayout(plotWidth: Double) -> (Orientation, stride: Int, font: Font) {
        let font = drawing.tickFont
        guard case .categories(let labels) = panel.x, !labels.isEmpty else { return (.horizontal, 1, font) }
        let slot = plotWidth / Double(labels.count)
        let widest = labels.map { drawing.width($0, font) }.max() ?? 0
        let h = drawing.height(font)
        if widest + 12 * drawing.scale <= slot { return (.horizontal, 1, font) }
        // On a few lines when each line fits the slot (at a slightly smaller size if need be), else
        // turned along the axis.
        let smaller = Font(size: font.size * Self.wrappedShrink, weight: font.weight)
        for f in [font, smaller] where labels.allSatisfy({ wrapped($0, slot: slot, font: f) != nil }) { return (.wrapped, 1, f) }
        if h + 4 * drawing.scale <= slot { return (.rotated, 1, font) }
        return (.horizontal, Int(((widest + 16 * drawing.scale) / slot).rounded(.up)), font)
    }

    func height(plotWidth: Double) -> Double {
        let h = drawing.height(drawing.tickFont)
        switch panel.x {
        case .time: return h + 14 * drawing.scale
        case .linear(_, _, let label): return h + 14 * drawing.scale + (label.isEmpty ? 0 : drawing.height(drawing.axisFont) + 8 * drawing.scale)
        case .categories(let labels):
            let (o, _, font) = categoryLayout(plotWidth: plotWidth)
            if o == .rotated { return (labels.map { drawing.width($0, font) }.max() ?? 0) + 16 * drawing.scale }
            if o == .wrapped {
                let slot = plotWidth / Double(labels.count)
                return Double(labels.map { wrapped($0, slot: slot, font: font)?.count ?? 1 }.max() ?? 1) * drawing.height(font)
                    + 14 * drawing.scale
            }
            return h + 14 * drawing.scale
        }
    }

    func ticks(plot: Rect, scale: LinearScale) -> [Tick] {
        switch panel.x {
        case .time:
            let d = domain
            return TimeTicks.make(start: d.lowerBound, end: d.upperBound, width: plot.width, gap: gap,
                                  minStep: samplingInterval) {
                drawing.width($0, drawing.tickFont)
            }.map { Tick(value: $0.seconds, label: $0.label, grid: true) }
        case .linear:
            let d = domain
            let n = NiceTicks(lo: d.lowerBound, hi: d.upperBound, maxCount: max(2, min(12, Int(plot.width / (110 * drawing.scale)))))
            return n.values.filter { d.contains($0) }.map { Tick(value: $0, label: n.label($0), grid: true) }
        case .categories(let labels):
            let (_, stride, _) = categoryLayout(plotWidth: plot.width)
            return labels.indices.filter { $0 % stride == 0 }.map { Tick(value: Double($0) + 0.5, label: labels[$0], grid: false) }
        }
    }

    func drawLabels(_ ticks: [Tick], plot: Rect, scale: LinearScale, panelRect: Rect) {
        let (orientation, _, categoryFont) = categoryLayout(plotWidth: plot.width)
        let top = plot.maxY + 10 * drawing.scale
        for t in ticks {
            let x = scale.map(t.value)
            if orientation == .wrapped, case .categories(let labels) = panel.x {
                let h = drawing.height(categoryFont)
                let slot = plot.width / Double(max(1, labels.count))
                for (i, line) in (wrapped(t.label, slot: slot, font: categoryFont) ?? [t.label]).enumerated() {
                    drawing.layout.drawFirstFree([TextItem(line, at: Point(x: x, y: top + Double(i) * h), font: categoryFont,
                                                           color: drawing.theme.mutedText, horizontal: .center, vertical: .top)])
                }
                continue
            }
            if orientation == .rotated {
                drawing.layout.drawFirstFree([TextItem(t.label, at: Point(x: x, y: top), font: drawing.tickFont, color: drawing.theme.mutedText,
                                                 horizontal: .right, vertical: .middle, quarterTurns: 1)])
                continue
            }
            var item = TextItem(t.label, at: Point(x: x, y: top), font: drawing.tickFont, color: drawing.theme.mutedText,
                                horizontal: .center, vertical: .top)
            let b = drawing.layout.box(item)
            if b.maxX > panelRect.maxX { item.position.x -= b.maxX - panelRect.maxX }
            if b.minX < panelRect.minX { item.position.x += panelRect.minX - b.minX }
            if let drawn = drawing.layout.drawFirstFree([item]), case .time = panel.x {
                canvas.annotate(.axisLabel(text: t.label, box: drawn, value: x, kind: "tick"))
            }
        }
        if case .linear(_, _, let label) = panel.x, !label.isEmpty {
            drawing.layout.drawFirstFree([TextItem(label, at: Point(x: plot.midX, y: top + drawing.height(drawing.tickFont) + 8 * drawing.scale),
                                             font: drawing.axisFont, color: drawing.theme.mutedText, horizontal: .center, vertical: .top)])
        }
    }
}
