import TormemCore

/// One experiment group's numbers over its own window, all computed from the data. Every value is
/// in GB (per relay) unless said otherwise.
public struct GroupStats: Equatable, Sendable {
    public var group: String
    public var label: String
    /// Relays in the group (n).
    public var relays: Int
    /// Mean RSS of the group's relays on each day of the table (NaN: no relay had a value).
    public var dailyMeans: [Double]
    /// First and last known daily mean, with their day numbers (days since the group's start).
    public var startDay: Int?
    public var startMean: Double
    public var endDay: Int?
    public var endMean: Double
    /// The relays' values on the end day: median, quartiles (IQR = q3 − q1) and sample SD.
    public var endMedian: Double
    public var endQ1: Double
    public var endQ3: Double
    public var endSD: Double
    /// Each relay's value on the end day (nickname, GB), lowest first.
    public var endValues: [(name: String, gb: Double)]
    /// Least-squares slope of the daily means over the last half of the window (GB/day); nil with
    /// fewer than 3 days there.
    public var growthPerDay: Double?
    /// Lowest daily mean after the first day since the group's start or, with a `restart` event, its last restart.
    public var postChangeMinimum: Double
    public var status: FragmentationStatus
    /// Against the control group (nil for the control itself, or without one).
    public var vsControl: Comparison?
    /// Relays more than 3 MAD from the group's median on the end day.
    public var unlike: [String]

    /// The difference of this group's mean against the control's, at the latest day both have data.
    public struct Comparison: Equatable, Sendable {
        public var percent: Double
        /// The 95 % percentile bootstrap interval (nil with one relay on either side).
        public var low: Double?
        public var high: Double?
        /// The day (since each group's start) of the comparison.
        public var atDay: Int
        /// Why there is no interval, when there is none.
        public var whyNoInterval: String?
    }

    public var iqr: Double { endQ3 - endQ1 }

    public static func == (a: GroupStats, b: GroupStats) -> Bool {
        a.group == b.group && a.relays == b.relays && a.dailyMeans.elementsEqual(b.dailyMeans) { $0 == $1 || ($0.isNaN && $1.isNaN) }
            && a.status == b.status && a.vsControl == b.vsControl && a.unlike == b.unlike
    }

    /// The end mean against a baseline, in percent (negative: lower than the baseline).
    public func percent(against baseline: Double) -> Double? {
        guard baseline > 0, !endMean.isNaN else { return nil }
        return (endMean - baseline) / baseline * 100
    }
}
