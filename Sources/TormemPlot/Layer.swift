/// What a plot panel draws from data, in data coordinates.
public enum Layer: Equatable, Sendable {
    case line(LineLayer)
    case area(AreaLayer)
    case band(BandLayer)
    case bars(BarLayer)
    case histogram(HistogramLayer)
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
    public init(values: [Double], color: Color, labelsAbove: [String] = [], labelsInside: [String] = []) {
        self.values = values; self.color = color; self.labelsAbove = labelsAbove; self.labelsInside = labelsInside
    }
}
