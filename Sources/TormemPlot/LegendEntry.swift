/// One entry of a panel's legend: a swatch in the series' colour and its label.
public struct LegendEntry: Equatable, Sendable {
    /// `dot` and `diamond`: markers drawn as on the plot (a spread chart's values and means; the
    /// diamond is hollow, in the theme's text colour, whatever `color`); `ring`: a hollow circle;
    /// `pointRange`: a large dot with error bars across it (a mean with its intervals).
    public enum Swatch: Sendable { case line, band, bar, dashed, dot, diamond, ring, pointRange }
    public var label: String
    public var color: Color
    public var swatch: Swatch
    /// The dash pattern of a `.line` swatch, as its line layer's (empty: solid), so lines that share
    /// a colour family are told apart in the legend as on the plot.
    public var dash: [Double]
    public init(_ label: String, color: Color, swatch: Swatch = .line, dash: [Double] = []) {
        self.label = label; self.color = color; self.swatch = swatch; self.dash = dash
    }
}
