import TormemCore

/// The aggregate memory of one server over time, stored column-wise. Memory values are KiB;
/// a missing value is NaN (never zero). Times are strictly increasing.
public struct AggregateSeries: Equatable, Sendable {
    public var server: String
    public var times: [Int64] = []
    /// Running relays at each sample (-1 when unknown).
    public var relays: [Int] = []
    public var totalKB: [Double] = []
    public var avgKB: [Double] = []
    public var minKB: [Double] = []
    public var maxKB: [Double] = []

    public init(server: String) { self.server = server }

    public var count: Int { times.count }
    public var isEmpty: Bool { times.isEmpty }

    public mutating func append(_ s: AggregateSample) {
        times.append(s.time)
        relays.append(s.relays)
        totalKB.append(s.totalKB)
        avgKB.append(s.avgKB)
        minKB.append(s.minKB)
        maxKB.append(s.maxKB)
    }

    public subscript(i: Int) -> AggregateSample {
        AggregateSample(time: times[i], relays: relays[i], totalKB: totalKB[i], avgKB: avgKB[i],
                        minKB: minKB[i], maxKB: maxKB[i])
    }

    public var samples: [AggregateSample] { (0..<count).map { self[$0] } }

    /// Builds a series from samples in any order; for equal times the later sample wins.
    /// Returns the series and how many duplicate times were dropped.
    public static func from(server: String, samples: [AggregateSample]) -> (AggregateSeries, duplicates: Int) {
        let order = samples.indices.sorted { (samples[$0].time, $0) < (samples[$1].time, $1) }
        var s = AggregateSeries(server: server)
        s.times.reserveCapacity(samples.count)
        var duplicates = 0
        for i in order {
            if let last = s.times.last, last == samples[i].time {
                duplicates += 1
                s.removeLast()
            }
            s.append(samples[i])
        }
        return (s, duplicates)
    }

    /// The samples of two sorted series of one server in time order; at equal times `later` wins.
    static func merging(_ earlier: AggregateSeries, _ later: AggregateSeries) -> AggregateSeries {
        var out = AggregateSeries(server: earlier.server)
        out.reserveCapacity(earlier.count + later.count)
        var i = 0, j = 0
        while i < earlier.count || j < later.count {
            if j == later.count || (i < earlier.count && earlier.times[i] < later.times[j]) {
                out.append(earlier[i]); i += 1
            } else {
                if i < earlier.count, earlier.times[i] == later.times[j] { i += 1 }
                out.append(later[j]); j += 1
            }
        }
        return out
    }

    mutating func reserveCapacity(_ n: Int) {
        times.reserveCapacity(n); relays.reserveCapacity(n); totalKB.reserveCapacity(n)
        avgKB.reserveCapacity(n); minKB.reserveCapacity(n); maxKB.reserveCapacity(n)
    }

    mutating func removeLast() {
        times.removeLast(); relays.removeLast(); totalKB.removeLast()
        avgKB.removeLast(); minKB.removeLast(); maxKB.removeLast()
    }
}

/// One aggregate measurement.
public struct AggregateSample: Equatable, Sendable {
    public var time: Int64
    public var relays: Int
    public var totalKB: Double
    public var avgKB: Double
    public var minKB: Double
    public var maxKB: Double

    public init(time: Int64, relays: Int, totalKB: Double, avgKB: Double, minKB: Double, maxKB: Double) {
        self.time = time; self.relays = relays; self.totalKB = totalKB
        self.avgKB = avgKB; self.minKB = minKB; self.maxKB = maxKB
    }
}
