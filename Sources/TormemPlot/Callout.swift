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
