/// A dashed line at a value with a label: horizontal at a y value, or vertical at an x value.
public struct ReferenceLine: Equatable, Sendable {
    /// Which axis `value` is on.
    public enum Axis: Sendable { case x, y }
    public var value: Double
    public var axis: Axis
    public var label: String
    public var color: Color
    /// A horizontal line at `y`.
    public init(y: Double, label: String, color: Color) { value = y; axis = .y; self.label = label; self.color = color }
    /// A vertical line at `x`.
    public init(x: Double, label: String, color: Color) { value = x; axis = .x; self.label = label; self.color = color }
}
