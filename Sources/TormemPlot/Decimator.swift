/// Reduces a polyline to what a raster can show: within each device pixel column it keeps the first,
/// lowest, highest and last point, in their original order. Every column's vertical extent and the
/// connections between columns are unchanged, so the drawn picture is the same as drawing every point,
/// at a cost bounded by the width in pixels instead of the number of samples.
public enum Decimator {
    /// Device-space polylines for (xs, ys) under the two mappings; a NaN y splits the line.
    /// Columns are `columnWidth` device units wide (1 for PNG pixels).
    public static func polylines(xs: [Double], ys: [Double], mapX: (Double) -> Double, mapY: (Double) -> Double,
                                 columnWidth: Double = 1) -> [[Point]] {
        var out: [[Point]] = []
        var current: [Point] = []
        var i = 0
        let n = min(xs.count, ys.count)
        while i < n {
            guard !ys[i].isNaN, !xs[i].isNaN else {
                if !current.isEmpty { out.append(current); current = [] }
                i += 1
                continue
            }
            // One column: indices i..<j share floor(px / columnWidth).
            let px = mapX(xs[i])
            let column = (px / columnWidth).rounded(.down)
            var j = i + 1
            var lo = i, hi = i
            while j < n, !ys[j].isNaN, !xs[j].isNaN, (mapX(xs[j]) / columnWidth).rounded(.down) == column {
                if ys[j] < ys[lo] { lo = j }
                if ys[j] > ys[hi] { hi = j }
                j += 1
            }
            let last = j - 1
            for k in Decimator.ordered(i, lo, hi, last) {
                current.append(Point(x: mapX(xs[k]), y: mapY(ys[k])))
            }
            i = j
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// The distinct indices among first/min/max/last, ascending.
    @inline(__always)
    static func ordered(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> [Int] {
        var v = [a, b, c, d].sorted()
        var k = 1
        while k < v.count { if v[k] == v[k - 1] { v.remove(at: k) } else { k += 1 } }
        return v
    }

    /// Closed polygons filling between `upper` and `lower` (or y = `baseline` when `lower` is nil),
    /// split wherever either bound is missing.
    public static func bands(xs: [Double], upper: [Double], lower: [Double]?, baseline: Double = 0,
                             mapX: (Double) -> Double, mapY: (Double) -> Double, columnWidth: Double = 1) -> [Path] {
        var paths: [Path] = []
        let n = xs.count
        var i = 0
        while i < n {
            func ok(_ k: Int) -> Bool { !upper[k].isNaN && (lower.map { !$0[k].isNaN } ?? true) }
            guard ok(i) else { i += 1; continue }
            var j = i
            while j < n, ok(j) { j += 1 }
            let sx = Array(xs[i..<j])
            let up = polylines(xs: sx, ys: Array(upper[i..<j]), mapX: mapX, mapY: mapY, columnWidth: columnWidth).first ?? []
            let lowPts: [Point]
            if let lower {
                lowPts = polylines(xs: sx, ys: Array(lower[i..<j]), mapX: mapX, mapY: mapY,
                                   columnWidth: columnWidth).first ?? []
            } else {
                let y0 = mapY(baseline)
                lowPts = [Point(x: mapX(sx[0]), y: y0), Point(x: mapX(sx[sx.count - 1]), y: y0)]
            }
            var p = Path()
            p.reserve(up.count + lowPts.count + 1)
            for (k, q) in up.enumerated() { if k == 0 { p.move(to: q) } else { p.line(to: q) } }
            for q in lowPts.reversed() { p.line(to: q) }
            p.close()
            paths.append(p)
            i = j
        }
        return paths
    }
}
