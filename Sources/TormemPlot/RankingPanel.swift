/// Labelled horizontal bars, one row per item, longest values first or in the order given.
public struct RankingPanel: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public var label: String
        public var value: Double
        public var color: Color
        /// Printed at the bar's end (e.g. "5.12 GB").
        public var text: String
        /// Printed after `text` in a muted colour (e.g. "−42% vs baseline · STABLE").
        public var detail: String
        /// Leave a gap above this row (separates "top" from "bottom" rankings).
        public var gapBefore: Bool
        /// Ticks across the bar at other values of the row (e.g. a restarting group's window mean).
        public var marks: [Mark]
        /// A header above this row (after its gap), across the panel, naming the rows that follow
        /// (e.g. a configuration).
        public var heading: String?
        public init(label: String, value: Double, color: Color, text: String, detail: String = "", gapBefore: Bool = false,
                    marks: [Mark] = [], heading: String? = nil) {
            self.label = label; self.value = value; self.color = color; self.text = text; self.detail = detail
            self.gapBefore = gapBefore; self.marks = marks; self.heading = heading
        }
    }

    /// A tick across a bar at `value`: solid, or dashed to tell a second one apart.
    public struct Mark: Equatable, Sendable {
        public var value: Double
        public var dashed: Bool
        /// A thin dotted line joins the bar's end to a mark beyond it (the way from a value to the
        /// reference it is read against, e.g. its own control), so the row's text after the mark
        /// stays tied to its bar.
        public var joined: Bool
        public init(value: Double, dashed: Bool = false, joined: Bool = false) {
            self.value = value; self.dashed = dashed; self.joined = joined
        }
    }

    public var title: String?
    public var rows: [Row]
    /// Label of the value axis (e.g. "GB").
    public var axisLabel: String
    /// Vertical reference lines at values, labelled.
    public var references: [ReferenceLine]
    public var legend: [LegendEntry]
    /// A line under the bars (e.g. "180 more not shown").
    public var note: String?
    /// Whether a label too long for its column loses its middle rather than its end (names that
    /// differ at either end, like report folders).
    public var cutsLabelsInTheMiddle = false

    public init(title: String? = nil, rows: [Row], axisLabel: String, references: [ReferenceLine] = [],
                legend: [LegendEntry] = [], note: String? = nil) {
        self.title = title; self.rows = rows; self.axisLabel = axisLabel; self.references = references
        self.legend = legend; self.note = note
    }
}
