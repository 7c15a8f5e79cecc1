/// A whole chart as a value: what to draw, not how. Built from data by the chart builders, drawn by
/// `FigureRenderer`, compared in tests.
public struct Figure: Equatable, Sendable {
    public var size: Size
    public var theme: Theme
    public var title: String
    public var subtitle: String?
    /// Panels stacked top to bottom.
    public var panels: [FigurePanel]
    /// Relative heights of the panels (defaults to equal).
    public var panelWeights: [Double]
    /// Small print at the bottom (data source).
    public var footnote: String?

    public init(size: Size, theme: Theme, title: String, subtitle: String? = nil, panels: [Panel],
                panelWeights: [Double]? = nil, footnote: String? = nil) {
        self.init(size: size, theme: theme, title: title, subtitle: subtitle, content: panels.map(FigurePanel.plot),
                  panelWeights: panelWeights, footnote: footnote)
    }

    public init(size: Size, theme: Theme, title: String, subtitle: String? = nil, content panels: [FigurePanel],
                panelWeights: [Double]? = nil, footnote: String? = nil) {
        self.size = size; self.theme = theme; self.title = title; self.subtitle = subtitle
        self.panels = panels
        self.panelWeights = panelWeights ?? Array(repeating: 1, count: panels.count)
        self.footnote = footnote
    }
}

/// What a figure stacks: plots with axes, or rankings (labelled horizontal bars).
public enum FigurePanel: Equatable, Sendable {
    case plot(Panel)
    case ranking(RankingPanel)
}

/// One plot area with its axes, data layers and annotations.
public struct Panel: Equatable, Sendable {
    public var title: String?
    public var x: XAxis
    public var y: YAxis
    public var layers: [Layer]
    /// Dashed vertical markers at relay-count changes.
    public var countChanges: [CountChangeMarker]
    /// Labelled points (highs, lows).
    public var callouts: [Callout]
    /// Horizontal reference lines.
    public var references: [ReferenceLine]
    public var legend: [LegendEntry]

    public init(title: String? = nil, x: XAxis, y: YAxis, layers: [Layer], countChanges: [CountChangeMarker] = [],
                callouts: [Callout] = [], references: [ReferenceLine] = [], legend: [LegendEntry] = []) {
        self.title = title; self.x = x; self.y = y; self.layers = layers; self.countChanges = countChanges
        self.callouts = callouts; self.references = references; self.legend = legend
    }
}

public enum XAxis: Equatable, Sendable {
    /// Seconds since the epoch (UTC), with calendar ticks.
    case time(start: Double, end: Double)
    /// Evenly spaced categories; item i is centred at i + 0.5.
    case categories([String])
    /// A plain numeric axis.
    case linear(lo: Double, hi: Double, label: String)
}

public struct YAxis: Equatable, Sendable {
    public var label: String
    /// Data range to show; ticks extend it to nice values.
    public var lo: Double
    public var hi: Double

    public init(label: String, lo: Double, hi: Double) { self.label = label; self.lo = lo; self.hi = hi }
}

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

/// A change of a count (relays) at x.
public struct CountChangeMarker: Equatable, Sendable {
    public var x: Double
    public var from: Int
    public var to: Int
    public init(x: Double, from: Int, to: Int) { self.x = x; self.from = from; self.to = to }
}

/// A labelled data point.
public struct Callout: Equatable, Sendable {
    public enum Side: Sendable { case above, below }
    public var x: Double
    public var y: Double
    public var lines: [String]
    public var color: Color
    public var side: Side
    public init(x: Double, y: Double, lines: [String], color: Color, side: Side) {
        self.x = x; self.y = y; self.lines = lines; self.color = color; self.side = side
    }
}

/// A dashed line at a value with a label: horizontal at y (default) or vertical at x.
public struct ReferenceLine: Equatable, Sendable {
    public enum Axis: Sendable { case x, y }
    public var y: Double
    public var label: String
    public var color: Color
    public var axis: Axis
    public init(y: Double, label: String, color: Color) { self.y = y; self.label = label; self.color = color; axis = .y }
    public init(x: Double, label: String, color: Color) { y = x; self.label = label; self.color = color; axis = .x }
    public var value: Double { y }
}

public struct LegendEntry: Equatable, Sendable {
    public enum Swatch: Sendable { case line, band, bar, dashed }
    public var label: String
    public var color: Color
    public var swatch: Swatch
    public init(_ label: String, color: Color, swatch: Swatch = .line) {
        self.label = label; self.color = color; self.swatch = swatch
    }
}
