import Testing
import TormemTestSupport
@testable import TormemPlot

@Suite struct MarkerDrawingTests {
    /// The figure names what is counted; the plot layer only places the number and the unit.
    @Test func labelsSayTheMarkersUnit() {
        let a = CountChangeMarker(x: 1, from: 3, to: 10, unit: "servers")
        let b = CountChangeMarker(x: 2, from: 10, to: 32, unit: "servers")
        #expect(MarkerDrawing.label([a][...]) == "3 → 10 servers")
        #expect(MarkerDrawing.label([a, b][...]) == "2 changes · 3–32 servers")
    }

    @Test func aDrawnPanelSaysOnlyTheUnitItWasGiven() {
        let day = 86_400.0
        let panel = PlotPanel(title: "t", x: .time(start: 0, end: 10 * day), y: YAxis(label: "n", lo: 0, hi: 40),
                              layers: [.line(LineLayer(xs: [0, 10 * day], ys: [3, 32], color: Theme.dark.accent))],
                              countChanges: [CountChangeMarker(x: 3 * day, from: 3, to: 10, unit: "hosts"),
                                             CountChangeMarker(x: 7 * day, from: 10, to: 32, unit: "hosts")])
        let figure = Figure(size: Size(width: 1200, height: 600), theme: .dark, title: "counts", panels: [.plot(panel)])
        let canvas = RecordingCanvas(size: figure.size)
        FigureRenderer.draw(figure, on: canvas)
        #expect(canvas.strings.contains("3 → 10 hosts") && canvas.strings.contains("10 → 32 hosts"), "\(canvas.strings)")
        #expect(!canvas.strings.contains { $0.contains("relay") })
    }
}
