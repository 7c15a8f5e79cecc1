import TormemCore

/// The numbers printed after drawing and reused by reports: period, size, growth and the latest state.
public struct MemorySummary: Equatable, Sendable {
    public var name: String
    public var start: Timestamp
    public var end: Timestamp
    public var dataPoints: Int
    public var firstRelays: Int
    public var latestRelays: Int
    public var maxRelays: Int
    public var startTotalKB: Double
    public var latestTotalKB: Double
    /// Memory per relay (average) at the first sample with a total.
    public var startAvgKB: Double
    public var latestAvgKB: Double
    public var latestMinKB: Double
    public var latestMaxKB: Double
    public var peakTotalKB: Double
    public var peakTime: Timestamp

    /// Growth of the total from the first to the latest sample, in percent (nil when it started at 0).
    public var growthPercent: Double? {
        startTotalKB > 0 ? (latestTotalKB - startTotalKB) / startTotalKB * 100 : nil
    }

    /// Growth of the memory per relay (average) from the first to the latest sample, in percent: what
    /// each relay grew, apart from relays being added (nil when unknown or starting at 0).
    public var perRelayGrowthPercent: Double? {
        startAvgKB > 0 && !latestAvgKB.isNaN ? (latestAvgKB - startAvgKB) / startAvgKB * 100 : nil
    }

    public init?(_ s: AggregateSeries) {
        let valid = (0..<s.count).filter { !s.totalKB[$0].isNaN }
        guard let first = valid.first, let last = valid.last else { return nil }
        name = s.server
        start = Timestamp(seconds: s.times[first])
        end = Timestamp(seconds: s.times[last])
        dataPoints = s.count
        let known = s.relays.filter { $0 >= 0 }
        firstRelays = s.relays[first]
        latestRelays = s.relays[last]
        maxRelays = known.max() ?? -1
        startTotalKB = s.totalKB[first]
        latestTotalKB = s.totalKB[last]
        startAvgKB = s.avgKB[first]
        latestAvgKB = s.avgKB[last]
        latestMinKB = s.minKB[last]
        latestMaxKB = s.maxKB[last]
        var peak = first
        for i in valid where s.totalKB[i] > s.totalKB[peak] { peak = i }
        peakTotalKB = s.totalKB[peak]
        peakTime = Timestamp(seconds: s.times[peak])
    }
}
