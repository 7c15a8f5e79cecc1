import TormemCore

/// The restarts of one group's relays inside the group's window (`RestartDetection` on each
/// membership's samples), and for a group that restarts the numbers that compare its sawtooth
/// with a flat line fairly: the time-weighted mean over the window and the mean peak before a
/// restart. Values in the table's shown unit (GB for memory).
public struct GroupRestarts: Equatable, Sendable {
    public var group: String
    /// Relays (memberships) of the group.
    public var relays: Int
    /// Restarts counted over all its relays.
    public var restarts: Int
    /// Display names of the relays that restarted, sorted.
    public var restarted: [String]
    /// The window's length in days (the group's first to last sample).
    public var windowDays: Double
    /// The group's end mean (GB), as the analysis has it.
    public var endMeanGB: Double
    /// Each relay's time-weighted mean over its samples, averaged over relays (nil: no restart).
    public var windowMeanGB: Double?
    /// The mean over restarts of the relay's value at its last sample before the restart (nil: no restart).
    public var meanPeakBeforeRestartGB: Double?

    public var restartsPerRelay: Double { relays > 0 ? Double(restarts) / Double(relays) : .nan }

    /// Restarts this often per relay make a sawtooth, whose end value depends on where the last
    /// sample fell; fewer (a restart that applied a change, a crash) split a relay's window in
    /// two processes but draw no sawtooth.
    public static let sawtoothRestarts = 2.0

    /// Whether the group's relays restarted often enough to draw a sawtooth (chart 2's ticks, the
    /// headroom's peak figure).
    public var isSawtooth: Bool { restarts > 0 && restartsPerRelay >= GroupRestarts.sawtoothRestarts }

    public init(group: String, relays: Int, restarts: Int, restarted: [String], windowDays: Double, endMeanGB: Double,
                windowMeanGB: Double?, meanPeakBeforeRestartGB: Double?) {
        self.group = group; self.relays = relays; self.restarts = restarts; self.restarted = restarted
        self.windowDays = windowDays; self.endMeanGB = endMeanGB
        self.windowMeanGB = windowMeanGB; self.meanPeakBeforeRestartGB = meanPeakBeforeRestartGB
    }

    /// Every group of `analysis`, in its order, from `grouped` (one series per relay and group).
    public static func groups(grouped: RelayTable, analysis: GroupAnalysis) -> [GroupRestarts] {
        var byGroup: [String: [RelaySeries]] = [:]
        for r in grouped.relays where !r.info.group.isEmpty && !r.times.isEmpty { byGroup[r.info.group, default: []].append(r) }
        // The window starts at the group's start when the table knows it (experiment.json): the
        // restart that applied the configuration is not one of the group's.
        return analysis.groups.map { g in
            var series = byGroup[g.group] ?? []
            if let start = analysis.table.groupStarts[g.group] {
                series = series.compactMap { s in
                    guard let first = s.times.firstIndex(where: { $0 >= start }) else { return nil }
                    return s.slice(first..<s.count)
                }
            }
            return GroupRestarts(group: g.group, series: series, endMeanGB: g.endMean)
        }
    }

    /// One group from its relays' series.
    public init(group: String, series: [RelaySeries], endMeanGB: Double) {
        self.group = group
        self.endMeanGB = endMeanGB
        relays = series.count
        let found = series.map { ($0, RestartDetection($0)) }
        restarts = found.reduce(0) { $0 + $1.1.count }
        restarted = found.filter { $0.1.count > 0 }.map(\.0.info.displayName).sorted()
        let from = series.compactMap(\.times.first).min(), through = series.compactMap(\.times.last).max()
        windowDays = from.flatMap { f in through.map { Double($0 - f) / 86_400 } } ?? 0
        guard restarts > 0 else { windowMeanGB = nil; meanPeakBeforeRestartGB = nil; return }
        windowMeanGB = Sample.mean(series.compactMap(Self.timeWeightedMean))
        let peaks = found.flatMap { s, d in d.restarts.compactMap { r in r.lastBefore.map { s.metric.shown(s.values[$0]) } } }
        meanPeakBeforeRestartGB = peaks.isEmpty ? nil : Sample.mean(peaks)
    }

    /// The relay's collection interval: the median time between consecutive samples (seconds).
    public static func interval(_ times: [Int64]) -> Double {
        Sample.quantile(zip(times, times.dropFirst()).map { Double($1 - $0) }, 0.5)
    }

    /// The mean of a series' values (shown unit), each sample weighted by the time until the next,
    /// capped at 2 × the collection interval so that a gap does not weigh; the last sample weighs
    /// one interval. NaN values are left out; nil without a value.
    public static func timeWeightedMean(_ s: RelaySeries) -> Double? {
        let known = s.values.indices.filter { !s.values[$0].isNaN }
        guard !known.isEmpty else { return nil }
        guard known.count > 1 else { return s.metric.shown(s.values[known[0]]) }
        let step = interval(known.map { s.times[$0] })
        var sum = 0.0, weights = 0.0
        for (k, i) in known.enumerated() {
            let w = k + 1 < known.count ? min(Double(s.times[known[k + 1]] - s.times[i]), 2 * step) : step
            sum += w * s.values[i]; weights += w
        }
        return weights > 0 ? s.metric.shown(sum / weights) : nil
    }
}
