/// The sums over the running relays of one collection (resident size, KiB).
public struct AggregateReading: Equatable, Sendable {
    public var count: Int
    public var totalKB: Int
    public var minKB: Int?
    public var maxKB: Int?

    public init(rss values: [Int]) {
        count = values.count
        totalKB = values.reduce(0, +)
        minKB = values.min()
        maxKB = values.max()
    }

    /// The mean resident size, rounded to whole KiB; nil with no relay running.
    public var averageKB: Int? { count > 0 ? (totalKB + count / 2) / count : nil }
}
