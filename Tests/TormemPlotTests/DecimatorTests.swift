import Testing
@testable import TormemPlot

@Suite struct DecimatorTests {
    /// A deterministic pseudo-random walk.
    func walk(_ n: Int, seed: UInt64 = 42) -> [Double] {
        var s = seed, v = 100.0
        return (0..<n).map { _ in
            s = s &* 6364136223846793005 &+ 1442695040888963407
            v += Double(Int64(bitPattern: s >> 11) % 2001 - 1000) / 100
            return v
        }
    }

    @Test func keepsEveryColumnsExtremesAndEnds() {
        let n = 50_000
        let xs = (0..<n).map(Double.init), ys = walk(n)
        let width = 800.0
        let mapX = { (x: Double) in x / Double(n) * width }
        let lines = Decimator.polylines(xs: xs, ys: ys, mapX: mapX, mapY: { $0 })
        #expect(lines.count == 1)
        let pts = lines[0]
        #expect(pts.count <= Int(width) * 4 + 4)
        #expect(pts.first == Point(x: 0, y: ys[0]))
        #expect(pts.last == Point(x: mapX(xs[n - 1]), y: ys[n - 1]))
        // Per pixel column: the same min and max as the full series.
        var fullMin: [Int: Double] = [:], fullMax: [Int: Double] = [:]
        for i in 0..<n {
            let c = Int(mapX(xs[i]).rounded(.down))
            fullMin[c] = min(fullMin[c] ?? .infinity, ys[i]); fullMax[c] = max(fullMax[c] ?? -.infinity, ys[i])
        }
        var keptMin: [Int: Double] = [:], keptMax: [Int: Double] = [:]
        for p in pts {
            let c = Int(p.x.rounded(.down))
            keptMin[c] = min(keptMin[c] ?? .infinity, p.y); keptMax[c] = max(keptMax[c] ?? -.infinity, p.y)
        }
        #expect(keptMin == fullMin)
        #expect(keptMax == fullMax)
        // Points stay in their original order.
        #expect(zip(pts, pts.dropFirst()).allSatisfy { $0.x <= $1.x })
    }

    @Test func sparseSeriesIsUnchanged() {
        let xs = [0.0, 10, 20, 30], ys = [1.0, 5, 2, 8]
        let lines = Decimator.polylines(xs: xs, ys: ys, mapX: { $0 * 10 }, mapY: { $0 })
        #expect(lines == [[Point(x: 0, y: 1), Point(x: 100, y: 5), Point(x: 200, y: 2), Point(x: 300, y: 8)]])
    }

    @Test func missingValuesSplitTheLine() {
        let xs = [0.0, 1, 2, 3, 4], ys = [1.0, 2, .nan, 3, 4]
        let lines = Decimator.polylines(xs: xs, ys: ys, mapX: { $0 * 100 }, mapY: { $0 })
        #expect(lines.count == 2)
        #expect(lines[0].count == 2 && lines[1].count == 2)
    }

    @Test func bandsSplitAtGaps() {
        let xs = [0.0, 1, 2, 3, 4]
        let up = [2.0, 3, .nan, 3, 2], lo = [1.0, 1, 1, 1, 1]
        let paths = Decimator.bands(xs: xs, upper: up, lower: lo, mapX: { $0 * 100 }, mapY: { $0 })
        #expect(paths.count == 2)
    }
}

import TormemTestSupport

/// On small inputs the decimated chart is the full chart: every sample is a vertex of the drawn line.
@Suite struct DecimatedChartTests {
    @Test func smallSeriesAreDrawnPointForPoint() {
        let xs = (0..<60).map { Double($0) * 3600 }, ys = (0..<60).map { 1 + Double($0 % 7) / 5 }
        let color = Color(hex: "#123456")!
        let panel = PlotPanel(x: .time(start: xs[0], end: xs[59]), y: YAxis(label: "GB", lo: 0, hi: 2.5),
                          layers: [.line(LineLayer(xs: xs, ys: ys, color: color))])
        let fig = Figure(size: Size(width: 2100, height: 1000), theme: .dark, title: "t", panels: [.plot(panel)])
        let canvas = RecordingCanvas(size: fig.size)
        FigureRenderer.draw(fig, on: canvas)
        let line = canvas.strokes.first { $0.style.color == color }
        #expect(line?.path.elements.count == 60)
        // The vertices are in order and distinct, one per sample.
        let vx = line?.path.elements.compactMap { e -> Double? in
            switch e { case .move(let p), .line(let p): return p.x; default: return nil }
        } ?? []
        #expect(vx.count == 60 && zip(vx, vx.dropFirst()).allSatisfy { $0 < $1 })
    }
}
