import TormemCore

/// One experiment group's numbers, all computed from the data.
public struct GroupStats: Equatable, Sendable {
    public var group: String
    public var label: String
    /// Relays in the group.
    public var relays: Int
    /// Mean RSS (GB) of the group's relays on each day of the table (NaN: no relay had a value).
    public var dailyMeans: [Double]
    /// First and last known daily mean (GB), with their day numbers.
    public var startDay: Int?
    public var startMean: Double
    public var endDay: Int?
    public var endMean: Double
    /// Lowest mean after the first day (GB).
    public var postChangeMinimum: Double
    public var status: FragmentationStatus

    /// Change from start to end in percent (nil when the start is unknown or zero).
    public var changePercent: Double? {
        guard startMean > 0, !endMean.isNaN else { return nil }
        return (endMean - startMean) / startMean * 100
    }

    /// The end mean against a baseline, in percent (negative: lower than the baseline).
    public func percent(against baseline: Double) -> Double? {
        guard baseline > 0, !endMean.isNaN else { return nil }
        return (endMean - baseline) / baseline * 100
    }
}
