/// What a plot panel draws from data, in data coordinates.
public enum Layer: Equatable, Sendable {
    case line(LineLayer)
    case area(AreaLayer)
    case band(BandLayer)
    case bars(BarLayer)
    case histogram(HistogramLayer)
    case spread(SpreadLayer)
    case points(PointLayer)

    /// The x values of a series drawn along the x axis (line, area, band); empty for layers drawn
    /// per category or bin (bars, histogram, spread) and for points, which are no series along x.
    public var xs: [Double] {
        switch self {
        case .line(let l): return l.xs
        case .area(let a): return a.xs
        case .band(let b): return b.xs
        case .bars, .histogram, .spread, .points: return []
        }
    }
}

/// Bins on a numeric x axis: bin i spans edges[i]..<edges[i+1] with height counts[i].
public struct HistogramLayer: Equatable, Sendable {
    public var edges: [Double]
    public var counts: [Double]
    public var color: Color
    public init(edges: [Double], counts: [Double], color: Color) { self.edges = edges; self.counts = counts; self.color = color }
}

/// A polyline through (x, y); NaN in y breaks the line.
public struct LineLayer: Equatable, Sendable {
    public var xs: [Double]
    public var ys: [Double]
    public var color: Color
    public var width: Double
    public var dash: [Double]
    /// Draw a dot at every point when the points are sparse enough to tell apart.
    public var markers: Bool

    public init(xs: [Double], ys: [Double], color: Color, width: Double = 2.5, dash: [Double] = [], markers: Bool = false) {
        self.xs = xs; self.ys = ys; self.color = color; self.width = width; self.dash = dash; self.markers = markers
    }
}

/// The area between a polyline and y = 0.
public struct AreaLayer: Equatable, Sendable {
    public var xs: [Double]
    public var ys: [Double]
    public var color: Color
    public init(xs: [Double], ys: [Double], color: Color) { self.xs = xs; self.ys = ys; self.color = color }
}

/// The area between two polylines over the same xs.
public struct BandLayer: Equatable, Sendable {
    public var xs: [Double]
    public var lower: [Double]
    public var upper: [Double]
    public var color: Color
    public init(xs: [Double], lower: [Double], upper: [Double], color: Color) {
        self.xs = xs; self.lower = lower; self.upper = upper; self.color = color
    }
}

/// One bar per category, with text lines above each bar and inside it.
public struct BarLayer: Equatable, Sendable {
    public var values: [Double]
    public var color: Color
    public var labelsAbove: [String]
    public var labelsInside: [String]
    /// Bars that stand for only part of their category (a week with days missing): drawn lighter,
    /// with a dashed outline in the full colour.
    public var partial: [Bool]
    /// The fill's opacity of a partial bar.
    public static let partialAlpha = 0.38
    public init(values: [Double], color: Color, labelsAbove: [String] = [], labelsInside: [String] = [], partial: [Bool] = []) {
        self.values = values; self.color = color; self.labelsAbove = labelsAbove; self.labelsInside = labelsInside
        self.partial = partial
    }
}

/// One column per category (centred at i + 0.5): every value as a dot, spread sideways by a
/// deterministic jitter, a box from the first to the third quartile with the median, and the mean.
public struct SpreadLayer: Equatable, Sendable {
    public struct Column: Equatable, Sendable {
        public var values: [Double]
        public var q1: Double
        public var median: Double
        public var q3: Double
        public var mean: Double
        public var color: Color
        public init(values: [Double], q1: Double, median: Double, q3: Double, mean: Double, color: Color) {
            self.values = values; self.q1 = q1; self.median = median; self.q3 = q3; self.mean = mean; self.color = color
        }
    }

    public var columns: [Column]
    public init(columns: [Column]) { self.columns = columns }

    /// The sideways offset of the k-th dot of a column, in category widths (−0.3 … 0.3): the same
    /// for the same k on every run.
    public static func jitter(_ k: Int) -> Double {
        var z = UInt64(truncatingIfNeeded: k &+ 1) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 31)) &* 0xBF58_476D_1CE4_E5B9
        return (Double(z >> 11) / Double(1 << 53) - 0.5) * 0.6
    }
}
