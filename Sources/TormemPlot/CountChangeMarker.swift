/// A change of a count (relays) at x.
public struct CountChangeMarker: Equatable, Sendable {
    public var x: Double
    public var from: Int
    public var to: Int
    public init(x: Double, from: Int, to: Int) { self.x = x; self.from = from; self.to = to }
}
