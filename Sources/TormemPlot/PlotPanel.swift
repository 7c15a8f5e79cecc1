/// One plot area with its axes, data layers and annotations.
public struct PlotPanel: Equatable, Sendable {
    public var title: String?
    public var x: XAxis
    public var y: YAxis
    public var layers: [Layer]
    /// Dashed vertical markers where a count changes.
    public var countChanges: [CountChangeMarker]
    /// Dotted vertical markers at events (restarts, configuration changes), in x order.
    public var events: [EventMarker]
    /// Labelled points (highs, lows).
    public var callouts: [Callout]
    /// Horizontal reference lines.
    public var references: [ReferenceLine]
    public var legend: [LegendEntry]
    /// A list right of the plot (one entry per series, in words), or nil.
    public var key: PanelKey?

    public init(title: String? = nil, x: XAxis, y: YAxis, layers: [Layer], countChanges: [CountChangeMarker] = [],
                callouts: [Callout] = [], references: [ReferenceLine] = [], legend: [LegendEntry] = [],
                events: [EventMarker] = [], key: PanelKey? = nil) {
        self.title = title; self.x = x; self.y = y; self.layers = layers; self.countChanges = countChanges
        self.callouts = callouts; self.references = references; self.legend = legend; self.events = events
        self.key = key
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
    /// Ticks only at whole numbers (counts): fewer ticks rather than `97.5`.
    public var wholeNumbers: Bool

    public init(label: String, lo: Double, hi: Double, wholeNumbers: Bool = false) {
        self.label = label; self.lo = lo; self.hi = hi; self.wholeNumbers = wholeNumbers
    }
}
