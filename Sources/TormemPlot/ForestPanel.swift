/// A forest plot: effects with their intervals on one axis around zero, in sections. Each row is a
/// dot at its estimate with a horizontal line from the interval's low to its high end, a label
/// column on the left and a text column on the right; a vertical line marks zero (no difference).
public struct ForestPanel: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        /// Names the row (e.g. an experiment), in the text colour.
        public var label: String
        /// Follows the label, muted (e.g. "B · jemalloc").
        public var sublabel: String
        /// Where the dot goes; nil: no dot (`note` says why).
        public var estimate: Double?
        /// The interval's ends; no line unless both are given.
        public var low: Double?
        public var high: Double?
        public var color: Color
        /// The right column: `text` in bold (e.g. "−72 %"), then `detail` muted ("(−81 … −63) · n 5").
        public var text: String
        public var detail: String
        /// Written beside the dot, or in the plot where the dot would be without one: why the
        /// interval or the estimate is missing.
        public var note: String?

        public init(label: String, sublabel: String = "", estimate: Double?, low: Double? = nil, high: Double? = nil,
                    color: Color, text: String, detail: String = "", note: String? = nil) {
            self.label = label; self.sublabel = sublabel; self.estimate = estimate; self.low = low; self.high = high
            self.color = color; self.text = text; self.detail = detail; self.note = note
        }

        /// The interval, when both ends are finite.
        public var interval: ClosedRange<Double>? {
            guard let lo = low, let hi = high, lo.isFinite, hi.isFinite else { return nil }
            return min(lo, hi)...max(lo, hi)
        }
    }

    /// Rows under a header (e.g. one configuration, a row per experiment).
    public struct Section: Equatable, Sendable {
        public var title: String
        /// Follows the title, muted, where there is room (e.g. "same direction in every experiment").
        public var note: String
        public var rows: [Row]
        public init(title: String, note: String = "", rows: [Row]) { self.title = title; self.note = note; self.rows = rows }
    }

    public var title: String?
    public var sections: [Section]
    /// Label of the value axis (e.g. "% against the own control").
    public var axisLabel: String
    /// Follows every tick label (e.g. " %").
    public var tickSuffix: String
    /// Labels the vertical line at zero.
    public var zeroLabel: String
    public var legend: [LegendEntry]
    /// A line under the axis.
    public var note: String?

    public init(title: String? = nil, sections: [Section], axisLabel: String, tickSuffix: String = "", zeroLabel: String,
                legend: [LegendEntry] = [], note: String? = nil) {
        self.title = title; self.sections = sections; self.axisLabel = axisLabel; self.tickSuffix = tickSuffix
        self.zeroLabel = zeroLabel; self.legend = legend; self.note = note
    }

    public var rows: [Row] { sections.flatMap(\.rows) }

    /// What the axis must show: zero, every finite estimate and both ends of every interval.
    public var extent: ClosedRange<Double> {
        var lo = 0.0, hi = 0.0
        for r in rows {
            for v in [r.estimate, r.interval?.lowerBound, r.interval?.upperBound].compactMap({ $0 }) where v.isFinite {
                lo = min(lo, v); hi = max(hi, v)
            }
        }
        return lo...hi
    }
}
