import Testing
import TormemCore
import TormemTestSupport
@testable import TormemPlot

@Suite struct RankingDrawingTests {
    static let orange = Color(hex: "#E69F00")!, blue = Color(hex: "#56B4E9")!

    static func draw(_ p: RankingPanel, size: Size = Size(width: 1400, height: 700)) -> RecordingCanvas {
        let canvas = RecordingCanvas(size: size)
        FigureRenderer.draw(Figure(size: size, theme: .dark, title: "Ranking", panels: [.ranking(p)]), on: canvas)
        return canvas
    }

    static func panel() -> RankingPanel {
        var p = RankingPanel(rows: [
            .init(label: "2025-12-25-relayhost-allocator-comparison-rerun", value: 5.36, color: orange, text: "5.36 GB", heading: "Each experiment's control"),
            .init(label: "co", value: 1.5, color: orange, text: "1.50 GB", detail: "control 5.36 GB", gapBefore: true,
                  marks: [.init(value: 5.36, dashed: true, joined: true)], heading: "jemalloc"),
            .init(label: "relayhost", value: 1.1, color: blue, text: "1.10 GB", marks: [.init(value: 3.1, dashed: true)]),
        ], axisLabel: "GB")
        p.cutsLabelsInTheMiddle = true
        return p
    }

    /// A heading is drawn above its row, across the panel; rows keep their order below it.
    @Test func headingsStandAboveTheirRows() throws {
        let canvas = Self.draw(Self.panel())
        let texts = canvas.texts
        let control = try #require(texts.first { $0.item.text == "Each experiment's control" })
        let jemalloc = try #require(texts.first { $0.item.text == "jemalloc" })
        let co = try #require(texts.first { $0.item.text == "co" })
        let first = try #require(texts.first { $0.item.text.hasPrefix("2025-12-25-") })
        #expect(control.box.maxY <= first.box.minY && first.box.maxY <= jemalloc.box.minY && jemalloc.box.maxY <= co.box.minY)
        #expect(jemalloc.box.minX < first.box.minX)                       // from the panel's left edge, not the label column
        #expect(LayoutAudit(canvas: canvas).problems.isEmpty, "\(LayoutAudit(canvas: canvas).problems)")
        // The long label loses its middle, not its end.
        #expect(first.item.text.contains("…") && first.item.text.hasPrefix("2025-12-25") && first.item.text.hasSuffix("rerun"))
    }

    /// A joined mark beyond the bar gets a dotted line from the bar's end to it; an unjoined one none.
    @Test func aJoinedMarkIsTiedToItsBar() throws {
        let canvas = Self.draw(Self.panel())
        let dotted = canvas.strokes.filter { s in
            guard case .move(let a)? = s.path.elements.first, case .line(let b)? = s.path.elements.last else { return false }
            return a.y == b.y && s.style.dash.count == 2 && s.style.color == Theme.dark.mutedText
        }
        #expect(dotted.count == 1)
        let bars = canvas.fills.filter { $0.color == Self.orange }
        #expect(bars.count == 2)
        guard case .move(let a)? = dotted.first?.path.elements.first, case .line(let b)? = dotted.first?.path.elements.last else { return }
        #expect(a.x < b.x)
        // It starts at the end of the second orange bar (co's).
        let coBar = bars[1].path.elements.compactMap { e -> Double? in if case .line(let p) = e { p.x } else { nil } }.max()!
        #expect(abs(a.x - coBar) < 0.5)
        // Without headings or joined marks, nothing of it is drawn.
        var plain = Self.panel()
        plain.rows = plain.rows.map { var r = $0; r.heading = nil; r.marks = r.marks.map { RankingPanel.Mark(value: $0.value, dashed: $0.dashed) }; return r }
        let p = Self.draw(plain)
        #expect(!p.strings.contains("jemalloc"))
        #expect(!p.strokes.contains { $0.style.dash.count == 2 && $0.style.color == Theme.dark.mutedText })
    }
}
