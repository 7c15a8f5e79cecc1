import Testing
import TormemCairo
import TormemPlot

@Suite("Text measurement")
struct MeasurementTests {
    let measurer = CairoTextMeasurer()

    @Test func widthGrowsWithLength() {
        let f = Font(size: 12)
        let widths = ["", "1", "12", "123", "1234 MiB"].map { measurer.measure($0, font: f).width }
        #expect(widths[0] == 0)
        #expect(zip(widths, widths.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func boldIsWider() {
        let text = "Resident memory 1234"
        #expect(measurer.measure(text, font: Font(size: 12, weight: .bold)).width
            > measurer.measure(text, font: Font(size: 12)).width)
    }

    @Test func ascentAndDescentAreFontWide() {
        let f = Font(size: 13)
        let a = measurer.measure("x", font: f), b = measurer.measure("Hgjy|ÄÉ", font: f), c = measurer.measure("", font: f)
        #expect(a.ascent == b.ascent && a.descent == b.descent)
        #expect(c.ascent == a.ascent && c.descent == a.descent)
        #expect(a.ascent > 0 && a.descent > 0)
        // DejaVu Sans: ascent 0.928 em, descent 0.236 em.
        #expect(abs(a.ascent / 13 - 0.928) < 0.01)
        #expect(abs(a.descent / 13 - 0.236) < 0.01)
    }

    @Test func metricsScaleLinearly() {
        // Hint metrics off: widths are proportional to the size, not rounded to pixels.
        let text = "Tor relay memory, 2024-W07"
        let small = measurer.measure(text, font: Font(size: 10)), large = measurer.measure(text, font: Font(size: 30))
        #expect(abs(large.width - 3 * small.width) < 1e-6 * large.width)
        #expect(abs(large.ascent - 3 * small.ascent) < 1e-6 * large.ascent)
        #expect(small.width != small.width.rounded()) // unhinted advances are fractional
    }

    @Test func knownWidthOfDejaVuSans() {
        // DejaVu Sans digits advance 0.636 em; proves the right font is installed and selected.
        let w = measurer.measure("0123456789", font: Font(size: 10)).width
        #expect(abs(w - 63.6) < 0.1, "got \(w): is DejaVu Sans installed?")
    }

    @Test func unusableFontSizeMeasuresZero() {
        for size in [0, -3, Double.nan, Double.infinity] {
            #expect(measurer.measure("abc", font: Font(size: size)) == TextMetrics(width: 0, ascent: 0, descent: 0))
        }
    }

    @Test("canvas and measurer agree on every surface", arguments: OutputFormat.allCases)
    func canvasAgreesWithMeasurer(format: OutputFormat) throws {
        let samples: [(String, Font)] = [("Hello", Font(size: 12)), ("1.5 GiB", Font(size: 9.5, weight: .bold)),
                                         ("Ünïcödé – “quotes” ✓", Font(size: 17)), ("", Font(size: 8))]
        var fromCanvas: [TextMetrics] = []
        _ = try CairoRenderer.render(size: sampleSize, format: format) { c in
            // Measure after some drawing (including inside a clip) to make sure state does not leak in.
            sampleDrawing(c)
            c.pushClip(Rect(x: 0, y: 0, width: 10, height: 10))
            fromCanvas = samples.map { c.measure($0.0, font: $0.1) }
            c.popClip()
        }
        #expect(fromCanvas == samples.map { CairoTextMeasurer.shared.measure($0.0, font: $0.1) })
        #expect(fromCanvas == samples.map { measurer.measure($0.0, font: $0.1) })
    }

    @Test func measurerIsUsableConcurrently() async {
        let texts = (0..<200).map { "label \($0)" }
        let expected = texts.map { CairoTextMeasurer().measure($0, font: Font(size: 11)) }
        let results = await withTaskGroup(of: [TextMetrics].self) { group in
            for _ in 0..<8 { group.addTask { texts.map { CairoTextMeasurer.shared.measure($0, font: Font(size: 11)) } } }
            return await group.reduce(into: [[TextMetrics]]()) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 == expected })
    }
}

@Suite("drawText honours TextItem.box")
struct TextBoxTests {
    static let horizontals: [TextItem.HorizontalAnchor] = [.left, .center, .right]
    static let verticals: [TextItem.VerticalAnchor] = [.top, .middle, .baseline, .bottom]

    /// Renders `item` white on black and returns the inked bounds and the promised box.
    func render(_ item: TextItem) throws -> (ink: (minX: Int, minY: Int, maxX: Int, maxY: Int), box: Rect, image: DecodedImage) {
        let box = CairoTextMeasurer.shared.box(of: item)
        var canvasBox: Rect?
        let bytes = try CairoRenderer.render(size: Size(width: 240, height: 240), format: .png) { c in
            c.fill(Rect(x: 0, y: 0, width: 240, height: 240), color: black)
            canvasBox = c.box(of: item)
            c.drawText(item)
        }
        #expect(canvasBox == box)
        let image = try CairoRenderer.decodePNG(bytes)
        let ink = try #require(inkBounds(image))
        return (ink, box, image)
    }

    @Test("ink lies inside the box", arguments: [0, 1, 2, 3, -1, 5], horizontals)
    func inkInsideBox(turns: Int, horizontal: TextItem.HorizontalAnchor) throws {
        for vertical in Self.verticals {
            let item = TextItem("Hxgy 42", at: Point(x: 120.3, y: 119.6), font: Font(size: 20), color: white,
                                horizontal: horizontal, vertical: vertical, quarterTurns: turns)
            let (ink, box, _) = try render(item)
            let slack = 2.0
            let context = "\(horizontal) \(vertical) turns \(turns): ink \(ink) box \(box)"
            #expect(Double(ink.minX) >= box.minX - slack, "\(context)")
            #expect(Double(ink.maxX + 1) <= box.maxX + slack, "\(context)")
            #expect(Double(ink.minY) >= box.minY - slack, "\(context)")
            #expect(Double(ink.maxY + 1) <= box.maxY + slack, "\(context)")
            // And the text really fills the box: along its axis nearly the whole advance, across
            // it most of ascent+descent.
            let inkW = Double(ink.maxX + 1 - ink.minX), inkH = Double(ink.maxY + 1 - ink.minY)
            let vertical = ((turns % 4) + 4) % 2 == 1
            let along = vertical ? inkH / box.height : inkW / box.width
            let across = vertical ? inkW / box.width : inkH / box.height
            #expect(along > 0.85, "\(context)")
            #expect(across > 0.7, "\(context)")
        }
    }

    /// Quarter turn 1 reads bottom-to-top: the first character sits at the bottom.
    @Test("reading direction", arguments: [0, 1, 2, 3])
    func readingDirection(turns: Int) throws {
        let item = TextItem("H.....", at: Point(x: 120, y: 120), font: Font(size: 24), color: white,
                            horizontal: .center, vertical: .middle, quarterTurns: turns)
        let (_, box, image) = try render(item)
        // Ink in the half of the box where the text starts vs the other half.
        var startHalf = 0, endHalf = 0
        for y in 0..<image.height {
            for x in 0..<image.width where isInked(image[x, y]) {
                let px = Double(x) + 0.5, py = Double(y) + 0.5
                let inStart: Bool
                switch turns {
                case 0: inStart = px < box.midX
                case 1: inStart = py > box.midY
                case 2: inStart = px > box.midX
                default: inStart = py < box.midY
                }
                if inStart { startHalf += 1 } else { endHalf += 1 }
            }
        }
        #expect(startHalf > 2 * endHalf, "turns \(turns): \(startHalf) vs \(endHalf)")
    }

    @Test func baselineSitsWhereTheBoxSaysForRotatedText() throws {
        // "HHH" has no descenders: its ink ends at the baseline, which for quarter turn 1 is the
        // vertical line x = box.minX + ascent (the glyph tops point left).
        let font = Font(size: 30)
        let m = CairoTextMeasurer.shared.measure("HHH", font: font)
        let item = TextItem("HHH", at: Point(x: 100, y: 150), font: font, color: white, quarterTurns: 1)
        let (ink, box, _) = try render(item)
        #expect(box.minX == 100 - m.ascent)
        #expect(abs(Double(ink.maxX + 1) - 100) <= 1, "ink \(ink)")
        #expect(abs(Double(ink.minX) - (100 - 0.729 * 30)) <= 1.5, "cap height 0.729 em, ink \(ink)")
        #expect(abs(Double(ink.maxY + 1) - 150) <= 3, "starts at the anchor, ink \(ink)")
    }
}
