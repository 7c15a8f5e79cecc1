import Testing
@testable import TormemPlot

/// The column envelope must cover exactly what stroking every point covers, column by column.
@Suite struct ColumnEnvelopeTests {
    func walk(_ n: Int) -> [Double] {
        var s: UInt64 = 7, v = 50.0
        return (0..<n).map { _ in
            s = s &* 6364136223846793005 &+ 1442695040888963407
            v += Double(Int64(bitPattern: s >> 11) % 2001 - 1000) / 200
            return v
        }
    }

    @Test func lineExtentsAreColumnMinMaxPlusJoins() {
        let n = 20_000, width = 500.0
        let xs = (0..<n).map(Double.init), ys = walk(n)
        let mapX = { (x: Double) in x / Double(n) * width }
        let envelopes = ColumnEnvelope.line(xs: xs, ys: ys, mapX: mapX, mapY: { $0 })
        #expect(envelopes.count == 1)
        let e = envelopes[0]
        // Expected: per column, min/max over its points, extended by the join from the previous
        // column's last point to this column's first point.
        var lo: [Int: Double] = [:], hi: [Int: Double] = [:]
        var previousLast: Double?
        var column = -1
        for i in 0..<n {
            let c = Int(mapX(xs[i]).rounded(.down))
            if c != column {
                if let p = previousLast {
                    lo[c] = min(p, ys[i]); hi[c] = max(p, ys[i])
                    lo[column] = min(lo[column]!, ys[i]); hi[column] = max(hi[column]!, ys[i])
                }
                column = c
            }
            lo[c] = min(lo[c] ?? .infinity, ys[i]); hi[c] = max(hi[c] ?? -.infinity, ys[i])
            previousLast = ys[i]
        }
        #expect(e.x.count == lo.count)
        for k in e.x.indices {
            let c = Int(e.x[k].rounded(.down))
            #expect(e.top[k] == lo[c], "column \(c)")
            #expect(e.bottom[k] == hi[c], "column \(c)")
        }
    }

    @Test func gapsSplitAndBandsCoverBothBounds() {
        let xs = (0..<1000).map(Double.init)
        var ys = walk(1000)
        ys[500] = .nan
        #expect(ColumnEnvelope.line(xs: xs, ys: ys, mapX: { $0 / 10 }, mapY: { $0 }).count == 2)
        let upper = ys.map { $0 + 5 }, lower = ys.map { $0 - 5 }
        let bands = ColumnEnvelope.band(xs: xs, upper: upper, lower: lower, baselineY: 0, mapX: { $0 / 10 }, mapY: { $0 })
        #expect(bands.count == 2)
        for b in bands {
            for k in b.x.indices { #expect(b.bottom[k] - b.top[k] >= 10 - 1e-9) }
        }
        let outline = bands[0].outline(halfWidth: 1)
        #expect(outline.elements.last == .close)
    }
}
