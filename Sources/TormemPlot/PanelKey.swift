/// A list beside a plot, right of it: one entry per series (a swatch as on the plot, a title and
/// a few phrases), for what is too long to sit by the marks themselves (a group's trade-off in
/// words). Long titles and phrases wrap; the key never takes more than `maxWidthShare` of the panel.
public struct PanelKey: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var title: String
        /// Kept whole on a line where they fit, joined by `, `.
        public var phrases: [String]
        public var color: Color
        public var swatch: LegendEntry.Swatch
        public init(title: String, phrases: [String], color: Color, swatch: LegendEntry.Swatch = .dot) {
            self.title = title; self.phrases = phrases; self.color = color; self.swatch = swatch
        }
    }

    public var title: String?
    public var entries: [Entry]
    /// The largest share of the panel's width the key takes.
    public var maxWidthShare: Double

    public init(title: String? = nil, entries: [Entry], maxWidthShare: Double = 0.36) {
        self.title = title; self.entries = entries; self.maxWidthShare = maxWidthShare
    }
}
