/// A change of a count at x, from one whole number to another; `unit` names what is counted in
/// its label (`3 → 10 UNIT`; a group of changes: `4 changes · 32–120 UNIT`).
public struct CountChangeMarker: Equatable, Sendable {
    public var x: Double
    public var from: Int
    public var to: Int
    /// What is counted, as the label says it after the number (plural).
    public var unit: String
    public init(x: Double, from: Int, to: Int, unit: String) { self.x = x; self.from = from; self.to = to; self.unit = unit }
}
