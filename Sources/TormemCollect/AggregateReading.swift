import TormemCore

/// The sums over the running relays of one collection (resident size, KiB).
public struct AggregateReading: Equatable, Sendable {
    public var count: Int
    public var totalKB: Int
    public var minKB: Int?
    public var maxKB: Int?

    public init(rss values: [Int]) {
        count = values.count
        totalKB = values.saturatingSum()
        minKB = values.min()
        maxKB = values.max()
    }

    /// The mean resident size, rounded to whole KiB; nil with no relay running.
    public var averageKB: Int? {
        guard count > 0 else { return nil }
        let (q, r) = totalKB.quotientAndRemainder(dividingBy: count)
        return r >= count - r ? q + 1 : q
    }
}
