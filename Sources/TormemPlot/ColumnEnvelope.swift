/// The vertical extent a dense series covers in each device pixel column. A polyline with several
/// points per column draws, column by column, a vertical stroke from its lowest to its highest
/// point plus the joins to the next column; filling the outline of those extents paints the same
/// pixels as stroking every point, as pixel-column boxes that cairo fills in linear time instead of
/// tessellating thousands of self-crossing segments.
public struct ColumnEnvelope: Equatable, Sendable {
    /// Device x of the column centre, and the device y range covered (top ≤ bottom).
    public var x: [Double] = []
    public var top: [Double] = []
    public var bottom: [Double] = []

    public init() {}

    public var isEmpty: Bool { x.isEmpty }

    /// Extents of a polyline (a NaN splits it into separate envelopes). Each column also covers the
    /// join from the previous column's last point, so the outline contains the whole drawn line.
    public static func line(xs: [Double], ys: [Double], mapX: (Double) -> Double, mapY: (Double) -> Double) -> [ColumnEnvelope] {
        var out: [ColumnEnvelope] = []
        var cur = ColumnEnvelope()
        var column = Double.nan
        var lastY = Double.nan
        for i in 0..<min(xs.count, ys.count) {
            guard !ys[i].isNaN, !xs[i].isNaN else {
                if !cur.isEmpty { out.append(cur); cur = ColumnEnvelope() }
                column = .nan; lastY = .nan
                continue
            }
            let px = mapX(xs[i]), py = mapY(ys[i])
            let c = px.rounded(.down)
            if c != column {
                cur.x.append(c + 0.5)
                // The join from the previous column ends here: cover it from both sides.
                let joinTop = lastY.isNaN ? py : min(py, lastY), joinBottom = lastY.isNaN ? py : max(py, lastY)
                if !lastY.isNaN, let k = cur.top.indices.last {
                    cur.top[k] = min(cur.top[k], joinTop); cur.bottom[k] = max(cur.bottom[k], joinBottom)
                }
                cur.top.append(joinTop); cur.bottom.append(joinBottom)
                column = c
            } else {
                let k = cur.top.count - 1
                cur.top[k] = min(cur.top[k], py); cur.bottom[k] = max(cur.bottom[k], py)
            }
            lastY = py
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    /// Extents of the area between `upper` and `lower` (or the device line `baselineY`), split where
    /// a bound is missing.
    public static func band(xs: [Double], upper: [Double], lower: [Double]?, baselineY: Double,
                            mapX: (Double) -> Double, mapY: (Double) -> Double) -> [ColumnEnvelope] {
        var out: [ColumnEnvelope] = []
        var cur = ColumnEnvelope()
        var column = Double.nan
        for i in 0..<xs.count {
            let u = upper[i], l = lower?[i] ?? .nan
            guard !u.isNaN, !xs[i].isNaN, lower == nil || !l.isNaN else {
                if !cur.isEmpty { out.append(cur); cur = ColumnEnvelope() }
                column = .nan
                continue
            }
            let a = mapY(u), b = lower == nil ? baselineY : mapY(l)
            let lo = min(a, b), hi = max(a, b)
            let c = mapX(xs[i]).rounded(.down)
            if c != column {
                cur.x.append(c + 0.5); cur.top.append(lo); cur.bottom.append(hi)
                column = c
            } else {
                let k = cur.top.count - 1
                cur.top[k] = min(cur.top[k], lo); cur.bottom[k] = max(cur.bottom[k], hi)
            }
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    /// One pixel-wide rectangle per column from its top to its bottom, widened by `halfWidth` (a
    /// stroke's half width). Axis-aligned boxes on the pixel grid: cairo composites them directly,
    /// without scan-converting long slanted edges.
    public func columns(halfWidth: Double = 0) -> Path {
        var p = Path()
        p.reserve(5 * x.count)
        for k in x.indices {
            let left = x[k] - 0.5
            let t = top[k] - halfWidth, b = bottom[k] + halfWidth
            p.move(to: Point(x: left, y: t))
            p.line(to: Point(x: left + 1, y: t))
            p.line(to: Point(x: left + 1, y: b))
            p.line(to: Point(x: left, y: b))
            p.close()
        }
        return p
    }

    /// The outline as a closed path, widened by `halfWidth` above and below (a stroke's half width).
    public func outline(halfWidth: Double = 0) -> Path {
        var p = Path()
        p.reserve(2 * x.count + 3)
        let left = x[0] - 0.5, right = x[x.count - 1] + 0.5
        p.move(to: Point(x: left, y: top[0] - halfWidth))
        for k in x.indices { p.line(to: Point(x: x[k], y: top[k] - halfWidth)) }
        p.line(to: Point(x: right, y: top[x.count - 1] - halfWidth))
        p.line(to: Point(x: right, y: bottom[x.count - 1] + halfWidth))
        for k in x.indices.reversed() { p.line(to: Point(x: x[k], y: bottom[k] + halfWidth)) }
        p.line(to: Point(x: left, y: bottom[0] + halfWidth))
        p.close()
        return p
    }
}
