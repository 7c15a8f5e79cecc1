/// How a path is stroked.
public struct StrokeStyle: Equatable, Sendable {
    public var color: Color
    public var width: Double
    /// Dash lengths (on, off, ...); empty = solid.
    public var dash: [Double]

    public init(color: Color, width: Double = 1, dash: [Double] = []) {
        self.color = color; self.width = width; self.dash = dash
    }
}
