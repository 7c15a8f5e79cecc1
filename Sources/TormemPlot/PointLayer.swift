/// Points at (x, y) on two numeric axes (a scatter), all in one colour: filled dots or hollow rings
/// of one radius, each optionally with a 95 % interval on either axis (error bars with end caps)
/// and a short label placed beside it where it overlaps no other text. A point with a NaN
/// coordinate is not drawn.
public struct PointLayer: Equatable, Sendable {
    /// An interval around one point, in data units (lower…upper); NaN bounds: none on that axis.
    public struct ErrorBar: Equatable, Sendable {
        public var xLow: Double
        public var xHigh: Double
        public var yLow: Double
        public var yHigh: Double
        public init(xLow: Double = .nan, xHigh: Double = .nan, yLow: Double = .nan, yHigh: Double = .nan) {
            self.xLow = xLow; self.xHigh = xHigh; self.yLow = yLow; self.yHigh = yHigh
        }

        public static func == (a: ErrorBar, b: ErrorBar) -> Bool {
            func same(_ p: Double, _ q: Double) -> Bool { p == q || (p.isNaN && q.isNaN) }
            return same(a.xLow, b.xLow) && same(a.xHigh, b.xHigh) && same(a.yLow, b.yLow) && same(a.yHigh, b.yHigh)
        }
    }

    public var xs: [Double]
    public var ys: [Double]
    public var color: Color
    /// The radius in device units at scale 1.
    public var radius: Double
    /// A ring (stroked circle) instead of a filled dot.
    public var hollow: Bool
    /// Filled dots get a rim of this colour (nil: none), so large dots stand out from small ones.
    public var outline: Color?
    /// One per point, or empty.
    public var errorBars: [ErrorBar]
    /// One per point, or empty; empty strings draw nothing. Placed beside their point, off the
    /// other labels, or left out where there is no room (a legend or key names the points too).
    public var labels: [String]

    public init(xs: [Double], ys: [Double], color: Color, radius: Double = 5, hollow: Bool = false, outline: Color? = nil,
                errorBars: [ErrorBar] = [], labels: [String] = []) {
        self.xs = xs; self.ys = ys; self.color = color; self.radius = radius; self.hollow = hollow; self.outline = outline
        self.errorBars = errorBars; self.labels = labels
    }

    public static func == (a: PointLayer, b: PointLayer) -> Bool {
        func same(_ p: [Double], _ q: [Double]) -> Bool { p.elementsEqual(q) { $0 == $1 || ($0.isNaN && $1.isNaN) } }
        return same(a.xs, b.xs) && same(a.ys, b.ys) && a.color == b.color && a.radius == b.radius && a.hollow == b.hollow
            && a.outline == b.outline && a.errorBars == b.errorBars && a.labels == b.labels
    }

    /// The indices of the points with both coordinates finite.
    public var drawable: [Int] {
        (0..<min(xs.count, ys.count)).filter { xs[$0].isFinite && ys[$0].isFinite }
    }
}
