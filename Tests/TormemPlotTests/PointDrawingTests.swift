import Testing
import TormemTestSupport
@testable import TormemPlot

@Suite struct PointDrawingTests {
    static func figure(_ layers: [PointLayer], size: Size = Size(width: 1200, height: 600), key: PanelKey? = nil) -> Figure {
        let panel = PlotPanel(title: "Points", x: .linear(lo: 0, hi: 10, label: "x"), y: YAxis(label: "y", lo: 0, hi: 10),
                              layers: layers.map(Layer.points), key: key)
        return Figure(size: size, theme: .dark, title: "points", panels: [.plot(panel)])
    }

    static func draw(_ figure: Figure) throws -> (RecordingCanvas, Rect) {
        let canvas = RecordingCanvas(size: figure.size)
        FigureRenderer.draw(figure, on: canvas)
        let plot = try #require(canvas.annotations.compactMap { a -> Rect? in if case .plotArea(let r) = a { r } else { nil } }.first)
        return (canvas, plot)
    }

    /// Data (0…10 on both axes) to device units in `plot`.
    static func device(_ x: Double, _ y: Double, _ plot: Rect) -> Point {
        Point(x: plot.minX + x / 10 * plot.width, y: plot.maxY - y / 10 * plot.height)
    }

    static func close(_ a: Point, _ b: Point) -> Bool { abs(a.x - b.x) < 0.01 && abs(a.y - b.y) < 0.01 }

    /// Error bars with their caps at the interval's ends, the dots over them; a point with a NaN
    /// coordinate is not drawn; a hollow point is a stroked ring.
    @Test func errorBarsDotsAndRingsAreDrawnAtTheirValues() throws {
        let color = Color(hex: "#E69F00")!
        let filled = PointLayer(xs: [2, 5, .nan], ys: [3, 5, 1], color: color, radius: 8,
                                errorBars: [PointLayer.ErrorBar(xLow: 1, xHigh: 3, yLow: 2, yHigh: 4), PointLayer.ErrorBar(), PointLayer.ErrorBar()])
        let ring = PointLayer(xs: [5], ys: [5], color: Theme.dark.text, radius: 16, hollow: true)
        let (canvas, plot) = try Self.draw(Self.figure([filled, ring]))
        let coloured = canvas.strokes.filter { $0.style.color == color }
        func segment(_ a: Point, _ b: Point) -> Bool {
            coloured.contains { s in
                guard s.path.elements.count == 2, case .move(let p) = s.path.elements[0], case .line(let q) = s.path.elements[1] else { return false }
                return Self.close(p, a) && Self.close(q, b)
            }
        }
        #expect(segment(Self.device(1, 3, plot), Self.device(3, 3, plot)), "horizontal bar from 1 to 3 at 3")
        #expect(segment(Self.device(2, 2, plot), Self.device(2, 4, plot)), "vertical bar from 2 to 4 at 2")
        let cap = PointDrawing.capHalfLength * FigureRenderer.scale(for: Size(width: 1200, height: 600))
        let end = Self.device(3, 3, plot)
        #expect(segment(Point(x: end.x, y: end.y - cap), Point(x: end.x, y: end.y + cap)), "a cap at the bar's end")
        #expect(coloured.count == 6, "two bars and four caps; none for the point without an interval")
        let dots = canvas.fills.filter { $0.color == color }
        #expect(dots.count == 2, "the point with a NaN x is not drawn")
        let rings = canvas.strokes.filter { $0.style.color == Theme.dark.text && $0.path.elements.count == 33 }
        #expect(rings.count == 1)
        // The dots come after the bars, so the bars never cross them.
        let ops = canvas.operations
        let lastBar = try #require(ops.lastIndex { if case .stroke(_, let s) = $0 { s.color == color } else { false } })
        let firstDot = try #require(ops.firstIndex { if case .fill(_, let c) = $0 { c == color } else { false } })
        #expect(lastBar < firstDot)
    }

    /// Labels sit by their point (no leader needed), overlap no text, and never hide another
    /// labelled point or its bars, even when the points are close.
    @Test func labelsSitByTheirPointAndHideNoOtherLabelledPoint() throws {
        var layers: [PointLayer] = []
        for i in 0..<6 {
            let x: Double = 4 + Double(i % 3) * 0.4, y: Double = 5 + Double(i / 3) * 0.5
            let bar = PointLayer.ErrorBar(xLow: x - 0.5, xHigh: x + 0.5)
            layers.append(PointLayer(xs: [x], ys: [y], color: Theme.dark.series(i), radius: 11, outline: Theme.dark.text,
                                     errorBars: [bar], labels: ["group \(i)"]))
        }
        let figure = Self.figure(layers)
        let audit = LayoutAudit(figure)
        #expect(audit.problems.isEmpty, "\(audit.problems)")
        let (canvas, plot) = try Self.draw(figure)
        let scale = FigureRenderer.scale(for: figure.size)
        let xScale = LinearScale(domain: 0...10, range: plot.minX...plot.maxX)
        let yScale = LinearScale(domain: 0...10, range: plot.minY...plot.maxY, flipped: true)
        let callouts = audit.callouts
        #expect(!callouts.isEmpty)
        for c in callouts {
            let i = try #require(Int(String(c.text.dropFirst(6))))
            for (k, other) in layers.enumerated() where k != i {
                for mark in PointDrawing.marks(other, x: xScale, y: yScale, scale: scale) {
                    #expect(!mark.intersects(c.label), "\(c.text) covers group \(k)")
                }
            }
        }
        let labels = canvas.strings.filter { (s: String) in s.hasPrefix("group ") }
        #expect(labels.count == callouts.count)
    }

    /// A label that has no room inside the plot is left out, not drawn over the edge.
    @Test func aLabelWithoutRoomIsLeftOut() throws {
        let long = String(repeating: "m", count: 200)
        let (canvas, plot) = try Self.draw(Self.figure([PointLayer(xs: [5], ys: [5], color: Theme.dark.accent, labels: [long])]))
        #expect(!canvas.strings.contains(long))
        #expect(canvas.textsOutsideCanvas().isEmpty && plot.width > 0)
    }

    @Test func pointsAreNoSeriesAlongX() {
        #expect(Layer.points(PointLayer(xs: [1, 2], ys: [3, 4], color: Theme.dark.accent)).xs.isEmpty)
        #expect(PointLayer(xs: [1, .nan, 3], ys: [1, 2, .infinity], color: Theme.dark.accent).drawable == [0])
        #expect(PointLayer(xs: [.nan], ys: [1], color: Theme.dark.accent) == PointLayer(xs: [.nan], ys: [1], color: Theme.dark.accent))
    }
}
