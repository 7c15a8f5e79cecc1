import Testing
import TormemTestSupport
@testable import TormemPlot

@Suite struct PanelKeyDrawingTests {
    static func figure(_ entries: [PanelKey.Entry], size: Size = Size(width: 2100, height: 1300)) -> Figure {
        let panel = PlotPanel(title: "Key", x: .linear(lo: 0, hi: 10, label: "x"), y: YAxis(label: "y", lo: 0, hi: 10),
                              layers: [.points(PointLayer(xs: [5], ys: [5], color: Theme.dark.accent))],
                              key: PanelKey(title: "Against the control A:", entries: entries))
        return Figure(size: size, theme: .dark, title: "key", panels: [.plot(panel)])
    }

    static func entry(_ i: Int, title: String? = nil) -> PanelKey.Entry {
        PanelKey.Entry(title: title ?? "G\(i)", phrases: ["−\(i) % memory", "+\(i) % bandwidth", "Guard and V2Dir lost"],
                       color: Theme.dark.series(i), swatch: i == 0 ? .ring : .dot)
    }

    static func plot(_ canvas: RecordingCanvas) throws -> Rect {
        try #require(canvas.annotations.compactMap { a -> Rect? in if case .plotArea(let r) = a { r } else { nil } }.first)
    }

    /// The key stands right of the plot, its phrases whole on a line where they fit (at most 36 %
    /// of the width: the third phrase takes a line of its own).
    @Test func theKeyStandsRightOfThePlot() throws {
        let figure = Self.figure((0..<3).map { Self.entry($0) })
        let audit = LayoutAudit(figure)
        #expect(audit.problems.isEmpty, "\(audit.problems)")
        let plot = try Self.plot(audit.canvas)
        let key = audit.canvas.texts.filter { $0.item.text.hasPrefix("G") || $0.item.text.contains("memory") }
        #expect(key.count == 9)
        #expect(key.allSatisfy { $0.box.minX > plot.maxX })
        #expect(audit.canvas.strings.contains("−1 % memory, +1 % bandwidth,") && audit.canvas.strings.contains("Guard and V2Dir lost"))
        #expect(audit.canvas.strings.contains("Against the control A:"))
        #expect(plot.width > figure.size.width * 0.5)
    }

    /// A long title breaks at its ` · `, then at spaces and after `_`; none is wider than the key.
    @Test(arguments: [Size(width: 2100, height: 1300), Size(width: 900, height: 600)])
    func longTitlesWrap(size: Size) throws {
        let title = "G_glibc_dircache0_historical · glibc with DirCache 0 from the historical runs"
        let audit = LayoutAudit(Self.figure([Self.entry(0, title: title), Self.entry(1)], size: size))
        #expect(audit.problems.isEmpty, "\(audit.problems)")
        let plot = try Self.plot(audit.canvas)
        let lines = audit.canvas.texts.filter { $0.box.minX > plot.maxX && $0.item.font.weight == .bold }
        #expect(lines.count >= 3, "\(lines.map(\.item.text))")
        #expect(lines.first?.item.text.hasPrefix("G_glibc_") == true)
        #expect(lines.allSatisfy { $0.box.maxX <= size.width })
    }

    /// More entries than the column holds: smaller text and fewer lines first, then the last ones
    /// counted; nothing leaves the canvas or overlaps.
    @Test func tooManyEntriesAreCounted() throws {
        let figure = Self.figure((0..<40).map { Self.entry($0) }, size: Size(width: 1200, height: 600))
        let audit = LayoutAudit(figure)
        #expect(audit.problems.isEmpty, "\(audit.problems)")
        let more = try #require(audit.canvas.strings.first { $0.hasPrefix("and ") && $0.hasSuffix(" more") })
        let shown = audit.canvas.strings.filter { $0.hasPrefix("G") && Int($0.dropFirst()) != nil }.count
        #expect(more == "and \(40 - shown) more")
        #expect(shown > 3)
    }
}
