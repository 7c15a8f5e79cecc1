import Testing
import TormemCore
import TormemTestSupport
@testable import TormemPlot

@Suite struct ForestDrawingTests {
    static let red = Color(hex: "#ff0000")!, blue = Color(hex: "#0000ff")!, green = Color(hex: "#00ff00")!

    static func panel() -> ForestPanel {
        ForestPanel(sections: [
            .init(title: "jemalloc", rows: [
                .init(label: "co", sublabel: "group B", estimate: -72, low: -81, high: -63, color: red, text: "−72 %", detail: "(−81 … −63)"),
                .init(label: "relayhost", estimate: 40, low: -20, high: 310, color: blue, text: "+40 %"),
            ]),
            .init(title: "mimalloc", rows: [
                .init(label: "co", estimate: -95, color: red, text: "−95 %", note: "no interval: n = 1"),
                .init(label: "relayhost", estimate: nil, color: blue, text: "no comparison", note: "never on a day with its control"),
            ]),
        ], axisLabel: "% against the own control", tickSuffix: " %", zeroLabel: "no difference", legend: [])
    }

    static func draw(_ p: ForestPanel, size: Size = Size(width: 1400, height: 700)) -> RecordingCanvas {
        let canvas = RecordingCanvas(size: size)
        FigureRenderer.draw(Figure(size: size, theme: .dark, title: "Forest", panels: [.forest(p)]), on: canvas)
        return canvas
    }

    /// The value → x mapping the tick labels under the plot say.
    static func mapping(_ canvas: RecordingCanvas) throws -> (plot: Rect, x: (Double) -> Double) {
        let plot = try #require(canvas.annotations.compactMap { a -> Rect? in if case .plotArea(let r) = a { r } else { nil } }.first)
        let ticks = canvas.texts.compactMap { t -> (Double, Double)? in
            guard t.box.minY >= plot.maxY, t.item.horizontal == .center, t.item.text.hasSuffix(" %"),
                  let v = Double(String(t.item.text.dropLast(2).map { $0 == "−" ? "-" : $0 }).filter { $0 != "+" }) else { return nil }
            return (v, t.item.position.x)
        }
        let a = try #require(ticks.first), b = try #require(ticks.last)
        #expect(ticks.count >= 2 && a.0 < b.0)
        let slope = (b.1 - a.1) / (b.0 - a.0)
        return (plot, { a.1 + ($0 - a.0) * slope })
    }

    @Test func theAxisHasRoomForZeroAndEveryIntervalWithTicksInside() {
        for extent in [-95.0 ... 300, 0 ... 0, 0 ... 40, -80 ... -10, -81 ... 0.5] {
            let e = (min(extent.lowerBound, 0))...(max(extent.upperBound, 0))
            let axis = ForestDrawing.axis(e, maxCount: 6)
            #expect(axis.domain.contains(0) && axis.domain.lowerBound < e.lowerBound && axis.domain.upperBound > e.upperBound, "\(extent)")
            #expect(axis.values.count >= 2 && axis.values.allSatisfy { axis.domain.contains($0) }, "\(extent): \(axis.values)")
        }
        // Effects down to −95 % do not stretch the axis to the next whole step below (−200 %).
        #expect(ForestDrawing.axis(-95 ... 300, maxCount: 4).domain.lowerBound > -120)
        #expect(Self.panel().extent == -95 ... 310)
        // At least three ticks inside, even when the nice step for the count asked leaves two.
        #expect(ForestDrawing.axis(-95 ... 319, maxCount: 4).values.count >= 3)
    }

    /// Each interval is a line from its low to its high end at its row, with caps; the dot sits at
    /// the estimate; a row without an interval has a dot and its note, one without an estimate only
    /// its note; the zero line runs over all rows.
    @Test func intervalsDotsAndTheZeroLineAreWhereTheValuesSay() throws {
        let canvas = Self.draw(Self.panel())
        let (plot, x) = try Self.mapping(canvas)
        let horizontal = canvas.strokes.compactMap { s -> (Point, Point, Color)? in
            guard case .move(let a)? = s.path.elements.first, case .line(let b)? = s.path.elements.last, a.y == b.y else { return nil }
            return (a, b, s.style.color)
        }
        let redLines = horizontal.filter { $0.2 == Self.red }, blueLines = horizontal.filter { $0.2 == Self.blue }
        #expect(redLines.count == 1 && blueLines.count == 1)              // no line where there is no interval
        let co = try #require(redLines.first), rh = try #require(blueLines.first)
        #expect(abs(co.0.x - x(-81)) < 0.5 && abs(co.1.x - x(-63)) < 0.5)
        #expect(abs(rh.0.x - x(-20)) < 0.5 && abs(rh.1.x - x(310)) < 0.5)
        #expect(plot.minX < rh.0.x && rh.1.x < plot.maxX && plot.minX < x(-95))
        #expect(co.0.y < rh.0.y)                                           // rows top to bottom in order
        // Dots (filled circles in the row's colour) at the estimates: two red, one blue.
        let dots = canvas.fills.filter { [Self.red, Self.blue].contains($0.color) && $0.path.elements.count > 30 }
        let centres = dots.map { d -> (Double, Color) in
            let xs = d.path.elements.compactMap { e -> Double? in if case .move(let p) = e { p.x } else if case .line(let p) = e { p.x } else { nil } }
            return ((xs.min()! + xs.max()!) / 2, d.color)
        }
        #expect(centres.filter { $0.1 == Self.red }.map { ($0.0 - x(-72)).magnitude < 0.5 || ($0.0 - x(-95)).magnitude < 0.5 } == [true, true])
        #expect(centres.filter { $0.1 == Self.blue }.count == 1)
        #expect(canvas.strings.contains("no interval: n = 1") && canvas.strings.contains("never on a day with its control"))
        // The zero line: vertical at 0 from above the first row to the bottom of the plot.
        let zero = canvas.strokes.contains { s in
            guard case .move(let a)? = s.path.elements.first, case .line(let b)? = s.path.elements.last else { return false }
            return abs(a.x - x(0)) < 0.5 && a.x == b.x && a.y < plot.minY && abs(b.y - plot.maxY) < 0.5
        }
        #expect(zero)
        #expect(canvas.strings.contains("no difference"))
        #expect(canvas.strings.contains { $0.hasPrefix("jemalloc") } && canvas.strings.contains("mimalloc"))
    }

    @Test(arguments: [Size(width: 1400, height: 700), Size(width: 700, height: 420), Size(width: 2100, height: 500)])
    func readableAtAnySize(size: Size) throws {
        var p = Self.panel()
        p.sections[0].rows[0].label = "2025-12-25-relayhost-allocator-comparison"
        p.sections[0].title = "DirCache 0 + MaxMemInQueues 2 GB + jemalloc 5.3 (background purge thread on)"
        p.sections[0].note = "below the own control in every experiment"
        let canvas = Self.draw(p, size: size)
        let problems = LayoutAudit(canvas: canvas).problems
        #expect(problems.isEmpty, "\(size): \(problems)")
        // A long name loses its middle, keeping the date and the end.
        let name = "2025-12-25-relayhost-allocator-comparison"
        let drawn = try #require(canvas.strings.first { $0.hasPrefix("2025-12-25-") })
        if drawn != name {
            let parts = drawn.split(separator: "…", omittingEmptySubsequences: false)
            #expect(parts.count == 2 && name.hasPrefix(parts[0]) && name.hasSuffix(parts[1]) && !parts[1].isEmpty, "\(drawn)")
        }
    }
}
