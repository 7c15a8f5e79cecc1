import Testing
import TormemTestSupport
@testable import TormemPlot

@Suite struct PanelDrawingTests {
    /// Ten bars, each labelled with its value and a second line of `width` characters.
    static func bars(width: Int, size: Size) -> (Figure, BarLayer) {
        let values = (0..<10).map { 300 + Double(($0 * 37) % 100) }
        let bars = BarLayer(values: values, color: Theme.dark.accent, labelsAbove: values.map { "\(Int($0)) GB" },
                            labelsInside: values.indices.map { "\($0)" + String(repeating: "m", count: width) })
        let panel = PlotPanel(title: "Bars", x: .categories((0..<10).map { "W\($0 + 1)" }),
                              y: YAxis(label: "GB", lo: 0, hi: (values.max() ?? 1) * 1.05), layers: [.bars(bars)])
        return (Figure(size: size, theme: .dark, title: "bars", panels: [.plot(panel)]), bars)
    }

    /// The y ticks, and with them the left margin and the room above the bars, are laid out for the
    /// plot's width as drawn, not the panel's: whether bar labels stand side by side or are turned
    /// (and so how much room they need) is decided at the width they are drawn at. So every bar
    /// keeps its label inside the plot (or, where even turned they are too many, every k-th bar),
    /// for labels of any length that turned need less than most of the plot's height (at 1200 px
    /// and 7 characters, they stand side by side in the panel's width but not in the plot's), and
    /// the tick labels fit the margin, right of the axis title.
    @Test(arguments: [Size(width: 1200, height: 600), Size(width: 2100, height: 900)])
    func barLabelsAndTickLabelsFitThePlotAsDrawn(size: Size) throws {
        for width in 1...12 {
            let (figure, bars) = Self.bars(width: width, size: size)
            let canvas = RecordingCanvas(size: figure.size)
            FigureRenderer.draw(figure, on: canvas)
            let plot = try #require(canvas.annotations.compactMap { a -> Rect? in if case .plotArea(let r) = a { r } else { nil } }.first)
            let inside = canvas.texts.filter { plot.contains($0.box, tolerance: 0.5) }.map(\.item.text)
            let labelled = bars.values.indices.filter { i in
                inside.contains(BarLabelDrawing.text(bars, i)) || (inside.contains(bars.labelsAbove[i]) && inside.contains(bars.labelsInside[i]))
            }
            #expect(labelled.count > 1, "\(size), labels of \(width): bars labelled: \(labelled)")
            if labelled.count > 1 {
                #expect(labelled == Array(stride(from: 0, to: bars.values.count, by: labelled[1] - labelled[0])),
                        "\(size), labels of \(width): bars labelled: \(labelled)")
            }
            let axisTitle = try #require(canvas.texts.first { $0.item.text == "GB" && $0.item.quarterTurns == 1 })
            let ticks = canvas.texts.filter { $0.item.horizontal == .right && $0.item.vertical == .middle && $0.item.quarterTurns == 0 }
            #expect(ticks.count >= 2)
            for t in ticks {
                #expect(t.box.maxX <= plot.minX && t.box.minX >= axisTitle.box.maxX, "\(size): tick \(t.item.text) outside the margin")
            }
        }
    }
}
