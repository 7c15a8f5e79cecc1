/// Maps a data interval onto a device interval (the one data→device mapping of the chart code).
public struct LinearScale: Equatable, Sendable {
    public var domain: ClosedRange<Double>
    public var range: ClosedRange<Double>
    /// When true, the domain's lower bound maps to the range's upper bound (y axes).
    public var flipped: Bool

    public init(domain: ClosedRange<Double>, range: ClosedRange<Double>, flipped: Bool = false) {
        self.domain = domain; self.range = range; self.flipped = flipped
    }

    @inline(__always)
    public func map(_ v: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        let t = span == 0 ? 0.5 : (v - domain.lowerBound) / span
        let u = flipped ? 1 - t : t
        return range.lowerBound + u * (range.upperBound - range.lowerBound)
    }
}
