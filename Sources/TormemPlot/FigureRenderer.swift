/// Draws a `Figure` on any `Canvas`: background, title, panels (header with legend, axes, data,
/// annotations), footnote. All sizes scale with the figure; all text goes through `TextLayout`, so
/// no two labels overlap.
public enum FigureRenderer {
    public static func draw(_ figure: Figure, on canvas: Canvas) {
        FigureDrawing(figure: figure, canvas: canvas).draw()
    }

    /// The scale factor of a figure's text and lines: 1 at about 1200×600 device units, growing with
    /// the size, so a chart keeps its proportions at any size and stays legible where it is shown
    /// smaller (GitHub shows README images about 880 px wide: a 2100-px chart's 17-px ticks at
    /// scale 1.75 are 30 px, 12.5 px there). `textScale` multiplies it (`--scale`).
    public static func scale(for size: Size, textScale: Double = 1) -> Double {
        let auto = min(4, max(0.45, min(size.width / 1200, size.height / 600)))
        return min(8, max(0.2, auto * textScale))
    }
}

/// The state of drawing one figure.
final class FigureDrawing {
    let figure: Figure
    let canvas: Canvas
    let layout: TextLayout
    let scale: Double
    var theme: Theme { figure.theme }

    let titleFont, subtitleFont, panelTitleFont, legendFont, tickFont, axisFont, calloutFont, markerFont, footFont: Font

    init(figure: Figure, canvas: Canvas) {
        self.figure = figure
        self.canvas = canvas
        layout = TextLayout(canvas: canvas)
        scale = FigureRenderer.scale(for: figure.size, textScale: figure.textScale)
        titleFont = Font(size: 34 * scale, weight: .bold)
        subtitleFont = Font(size: 20 * scale)
        panelTitleFont = Font(size: 22 * scale, weight: .bold)
        legendFont = Font(size: 18 * scale)
        tickFont = Font(size: 17 * scale)
        axisFont = Font(size: 18 * scale)
        calloutFont = Font(size: 17 * scale, weight: .bold)
        markerFont = Font(size: 15.5 * scale)
        footFont = Font(size: 15 * scale)
    }

    func height(_ font: Font) -> Double { canvas.measure("Hg", font: font).height }
    func width(_ text: String, _ font: Font) -> Double { canvas.measure(text, font: font).width }

    /// Draws `item` on a panel-coloured box, so lines behind it never cut through the text.
    @discardableResult
    func drawOnBackdrop(_ item: TextItem, opacity: Double = 1) -> Rect {
        let box = layout.box(item)
        canvas.fill(box.inset(top: 0, left: -3 * scale, bottom: 0, right: -3 * scale), color: theme.panel.withAlpha(opacity))
        return layout.draw(item)
    }

    /// `text` shortened with an ellipsis so it is at most `maxWidth` wide.
    /// `text` on at most `maxLines` lines of `maxWidth`, broken at spaces (the last line cut with
    /// "…" when it still does not fit).
    func wrap(_ text: String, _ font: Font, _ maxWidth: Double, maxLines: Int) -> [String] {
        if width(text, font) <= maxWidth + 0.5 || maxLines <= 1 { return [fit(text, font, maxWidth)] }
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var lines: [String] = [], current = ""
        for (i, w) in words.enumerated() {
            let candidate = current.isEmpty ? w : current + " " + w
            if current.isEmpty || width(candidate, font) <= maxWidth {
                current = candidate
            } else if lines.count + 1 == maxLines {
                current = ([current] + words[i...]).joined(separator: " ")
                break
            } else {
                lines.append(current); current = w
            }
        }
        lines.append(fit(current, font, maxWidth))
        return lines
    }

    func fit(_ text: String, _ font: Font, _ maxWidth: Double) -> String {
        if width(text, font) <= maxWidth + 0.5 { return text }
        var chars = Array(text)
        while !chars.isEmpty {
            chars.removeLast()
            let t = String(chars) + "…"
            if width(t, font) <= maxWidth { return t }
        }
        return ""
    }

    /// `text` shortened in the middle with an ellipsis so it is at most `maxWidth` wide, keeping
    /// its start and its end (names that differ at either: `2025-12-25-relay…comparison-rerun`).
    func fitMiddle(_ text: String, _ font: Font, _ maxWidth: Double) -> String {
        if width(text, font) <= maxWidth + 0.5 { return text }
        let chars = Array(text)
        var keep = chars.count - 1
        while keep > 0 {
            let head = Int((Double(keep) * 0.55).rounded()), tail = keep - head
            let t = String(chars[..<head]) + "…" + String(chars[(chars.count - tail)...])
            if width(t, font) <= maxWidth { return t }
            keep -= 1
        }
        return ""
    }

    func draw() {
        let full = Rect(x: 0, y: 0, width: figure.size.width, height: figure.size.height)
        canvas.fill(full, color: theme.background)
        var area = full.inset(top: 26 * scale, left: 36 * scale, bottom: 18 * scale, right: 40 * scale)

        let title = fit(figure.title, titleFont, area.width)
        layout.draw(TextItem(title, at: Point(x: area.minX, y: area.minY), font: titleFont, color: theme.text,
                             vertical: .top))
        area = area.sliceTop(height(titleFont) + 6 * scale).1
        if let sub = figure.subtitle {
            layout.draw(TextItem(fit(sub, subtitleFont, area.width), at: Point(x: area.minX, y: area.minY),
                                 font: subtitleFont, color: theme.mutedText, vertical: .top))
            area = area.sliceTop(height(subtitleFont)).1
        }
        area = area.sliceTop(22 * scale).1
        if let foot = figure.footnote {
            let (band, rest) = area.sliceBottom(height(footFont) + 10 * scale)
            layout.draw(TextItem(fit(foot, footFont, band.width), at: Point(x: band.maxX, y: band.maxY),
                                 font: footFont, color: theme.mutedText, horizontal: .right, vertical: .bottom))
            area = rest
        }
        let gap = 34 * scale
        let totalWeight = figure.panelWeights.reduce(0, +)
        let available = area.height - gap * Double(max(0, figure.panels.count - 1))
        var y = area.minY
        var drawings: [PanelDrawing] = []
        var order: [(Int, Rect)] = []
        for (i, panel) in figure.panels.enumerated() {
            let w = i < figure.panelWeights.count ? figure.panelWeights[i] : 1
            let h = available * w / max(totalWeight, 1e-9)
            let rect = Rect(x: area.minX, y: y, width: area.width, height: h)
            if case .plot(let p) = panel { drawings.append(PanelDrawing(figure: self, panel: p, rect: rect)) }
            order.append((i, rect))
            y += h + gap
        }
        // Stacked plot panels share one left edge so their axes line up.
        let left = drawings.map { d in d.layout(in: d.axesArea(headerHeight: d.drawHeader(dryRun: true))).left }.max() ?? 0
        var k = 0
        for (i, rect) in order {
            switch figure.panels[i] {
            case .plot:
                drawings[k].draw(minLeft: left)
                k += 1
            case .ranking(let r):
                RankingDrawing(drawing: self, panel: r, rect: rect).draw()
            case .forest(let f):
                ForestDrawing(drawing: self, panel: f, rect: rect).draw()
            }
        }
    }
}
