/// Lays out and draws a panel's key in a column right of its plot: its title, then each entry's
/// swatch beside its title (bold, wrapped at spaces and after `_`, `-`, `/`) and its phrases
/// (whole phrases per line where they fit). When the entries do not fit the column's height the
/// text is set smaller (to 85 %) and each entry keeps fewer lines (its title and phrases cut with
/// "…": a title keeps its start, the group's ID), then the last entries are counted instead of
/// listed.
struct PanelKeyDrawing: FigurePart {
    let drawing: FigureDrawing
    let key: PanelKey

    var gap: Double { 28 * scale }
    var swatchWidth: Double { 34 * scale }

    func titleFont(_ factor: Double) -> Font { Font(size: drawing.legendFont.size * factor, weight: .bold) }
    func phraseFont(_ factor: Double) -> Font { Font(size: drawing.tickFont.size * factor) }

    /// The column's width for a panel `width` wide: what the longest title or line of phrases needs, at most
    /// `maxWidthShare` of the panel.
    func width(panelWidth: Double) -> Double {
        let natural = key.entries.map { e in
            max(drawing.width(e.title, titleFont(1)), drawing.width(e.phrases.joined(separator: ", "), phraseFont(1)))
        }.max() ?? 0
        let heading = key.title.map { drawing.width($0, drawing.legendFont) } ?? 0
        return min(panelWidth * key.maxWidthShare, max(natural + swatchWidth, heading) + 4 * scale)
    }

    /// One entry as lines of text, each with its font.
    struct Block {
        var lines: [(text: String, font: Font, isTitle: Bool)]
        var height: Double
    }

    func block(_ e: PanelKey.Entry, width: Double, factor: Double, titleLines maxTitle: Int, phraseLines maxLines: Int) -> Block {
        let tf = titleFont(factor), pf = phraseFont(factor)
        let textWidth = width - swatchWidth
        // A title that does not fit breaks at its ` · ` first (`D_jemalloc530_current`, `jemalloc 5.3.0`).
        let parts = drawing.width(e.title, tf) <= textWidth ? [e.title] : e.title.split(separator: " · ").map(String.init)
        var titleLines = parts.flatMap { wrap($0, font: tf, width: textWidth, maxLines: maxTitle) }
        if titleLines.count > maxTitle {
            titleLines = Array(titleLines.prefix(maxTitle))
            titleLines[maxTitle - 1] = drawing.fit(titleLines[maxTitle - 1] + "…", tf, textWidth)
        }
        var lines = titleLines.map { ($0, tf, true) }
        var phraseLines: [String] = [], current = ""
        for (k, p) in e.phrases.enumerated() {
            let candidate = current.isEmpty ? p : current + ", " + p
            if drawing.width(candidate + (k == e.phrases.count - 1 ? "" : ","), pf) <= textWidth { current = candidate; continue }
            if !current.isEmpty { phraseLines.append(current + ","); current = "" }
            let pieces = wrap(p, font: pf, width: textWidth, maxLines: maxLines)
            phraseLines += pieces.dropLast()
            current = pieces.last ?? ""
        }
        if !current.isEmpty { phraseLines.append(current) }
        if phraseLines.count > maxLines {
            phraseLines = Array(phraseLines.prefix(maxLines))
            phraseLines[maxLines - 1] = drawing.fit(phraseLines[maxLines - 1] + "…", pf, textWidth)
        }
        lines += phraseLines.map { ($0, pf, false) }
        let height = lines.reduce(0) { $0 + drawing.height($1.1) }
        return Block(lines: lines, height: height)
    }

    /// `text` on lines of `width` (broken as the category labels are), at most `maxLines`, the
    /// last cut with "…" when more would be needed.
    func wrap(_ text: String, font: Font, width: Double, maxLines: Int) -> [String] {
        let fits = { (line: String) in drawing.width(line, font) <= width }
        guard var lines = XAxisLayout.wordWrap(text, fits: fits) else { return [drawing.fit(text, font, width)] }
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            lines[maxLines - 1] = drawing.fit(lines[maxLines - 1] + "…", font, width)
        }
        return lines
    }

    /// The blocks that fit `height`, with the entries left out (counted on a last line).
    func fitted(width: Double, height: Double) -> (blocks: [Block], factor: Double, omitted: Int) {
        let headingHeight = key.title == nil ? 0 : drawing.height(drawing.legendFont) + gap / 2
        var last: (blocks: [Block], factor: Double) = ([], 1)
        for (factor, titleLines, phraseLines) in [(1.0, 3, 3), (0.92, 3, 3), (0.92, 2, 2), (0.85, 2, 2), (0.85, 2, 1), (0.85, 1, 2), (0.85, 1, 1)] {
            let blocks = key.entries.map { block($0, width: width, factor: factor, titleLines: titleLines, phraseLines: phraseLines) }
            let total = headingHeight + blocks.reduce(0) { $0 + $1.height } + Double(max(0, blocks.count - 1)) * entryGap(factor)
            if total <= height { return (blocks, factor, 0) }
            last = (blocks, factor)
        }
        // Even one line each is too much: as many as fit, and a line counting the others.
        let more = drawing.height(phraseFont(last.factor))
        var used = headingHeight + more, kept: [Block] = []
        for b in last.blocks {
            if used + b.height + entryGap(last.factor) > height { break }
            used += b.height + entryGap(last.factor)
            kept.append(b)
        }
        return (kept, last.factor, last.blocks.count - kept.count)
    }

    func entryGap(_ factor: Double) -> Double { 14 * scale * factor }

    func draw(in rect: Rect) {
        var top = rect.minY
        if let title = key.title {
            drawing.layout.draw(TextItem(drawing.fit(title, drawing.legendFont, rect.width), at: Point(x: rect.minX, y: top),
                                         font: drawing.legendFont, color: theme.mutedText, vertical: .top))
            top += drawing.height(drawing.legendFont) + gap / 2
        }
        let (blocks, factor, omitted) = fitted(width: rect.width, height: rect.maxY - top)
        for (e, b) in zip(key.entries, blocks) {
            if let first = b.lines.first {
                let h = drawing.height(first.font)
                let swatch = Rect(x: rect.minX, y: top + h / 2 - 8 * scale, width: swatchWidth - 10 * scale, height: 16 * scale)
                PanelDrawing.drawSwatch(LegendEntry(e.title, color: e.color, swatch: e.swatch), swatch, drawing: drawing)
            }
            for line in b.lines {
                drawing.layout.draw(TextItem(line.text, at: Point(x: rect.minX + swatchWidth, y: top), font: line.font,
                                             color: line.isTitle ? theme.text : theme.mutedText, vertical: .top))
                top += drawing.height(line.font)
            }
            top += entryGap(factor)
        }
        if omitted > 0 {
            drawing.layout.draw(TextItem("and \(omitted) more", at: Point(x: rect.minX + swatchWidth, y: top), font: phraseFont(factor),
                                         color: theme.mutedText, vertical: .top))
        }
    }
}
