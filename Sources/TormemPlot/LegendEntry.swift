/// One entry of a panel's legend: a swatch in the series' colour and its label.
public struct LegendEntry: Equatable, Sendable {
    public enum Swatch: Sendable { case line, band, bar, dashed }
    public var label: String
    public var color: Color
    public var swatch: Swatch
    public init(_ label: String, color: Color, swatch: Swatch = .line) {
        self.label = label; self.color = color; self.swatch = swatch
    }
}
