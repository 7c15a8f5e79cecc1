import TormemCore

/// The restarts of one relay series inside its window (its samples), by the best evidence the
/// series has, in this order:
///
/// 1. `started`: the start-time readings (`facts.starts`: the collector's `started`, or Onionoo's
///    `last_restarted`), when the relay has any: each start after the window's first sample and
///    up to its last is a restart.
/// 2. VmHWM (`hwm_kb`): the peak never falls within one process, so a fall between two
///    consecutive samples by more than `hwmRoundingKiB` is a restart.
/// 3. RSS alone: a fall between two consecutive samples by more than `relativeDrop` (15 %) of the
///    earlier value AND more than `fallFactor` (8) × the relay's typical fall (the median size of
///    its falls that are not themselves above 15 %).
///
/// Why this RSS rule (chosen on the built cases of `RestartDetectionTests`): a relay restarted
/// daily and collected every 6 hours is often back at 70–80 % of its peak by the next collection,
/// so "below half" misses most restarts; a 15 % fall catches every case whose next sample is
/// below 85 % of the peak. A flat relay's noise of 3 % has successive differences of σ ≈ 4.2 %,
/// so 15 % alone is 3.5 σ: over a month of hourly samples one flat relay in a few would show a
/// restart. The second condition scales with the relay's own noise, measured on its falls only:
/// a sawtooth's growth steps are rises (often 20–30 % of the peak) and would make a median of all
/// steps so large that the restarts hide under it, while a restart-free relay's falls are its
/// noise. 8 × the typical fall of 3 % noise is ≈ 5.4 σ (no false restart in 300 simulated flat
/// hourly relays over 4 weeks; 6 × gave 4), and stays below the 20–30 % falls of a sawtooth
/// with 1–3 % noise. A relay that only grows (fragmenting) has no large fall at all.
public struct RestartDetection: Equatable, Sendable {
    /// The evidence the restarts come from.
    public enum Rule: String, Sendable {
        case started, hwm, rss
    }

    /// One restart: when it was seen, and the last sample of the old process.
    public struct Restart: Equatable, Sendable {
        /// The new start time (rule `started`), else the time of the first sample after the restart.
        public var time: Int64
        /// The index (in the series) of the last sample before the restart; nil when there is none.
        public var lastBefore: Int?

        public init(time: Int64, lastBefore: Int?) { self.time = time; self.lastBefore = lastBefore }
    }

    public var rule: Rule
    public var restarts: [Restart]

    /// A fall of RSS larger than this part of the earlier value may be a restart.
    public static let relativeDrop = 0.15
    /// … when it is also larger than this many times the relay's typical fall.
    public static let fallFactor = 8.0
    /// VmHWM falls smaller than this (KiB) are rounding, not a new process.
    public static let hwmRoundingKiB = 8.0

    public init(rule: Rule, restarts: [Restart]) { self.rule = rule; self.restarts = restarts }

    /// The restarts of `series` (its samples are its window).
    public init(_ series: RelaySeries) {
        let times = series.times
        if !series.facts.starts.isEmpty {
            rule = .started
            guard let from = times.first, let through = times.last else { restarts = []; return }
            // A start inside the window is a restart even when it is the first reading (Onionoo's
            // `last_restarted`, read once at the end): the first sample was of an older process.
            restarts = series.facts.starts.filter { $0.value > from && $0.value <= through }.map { s in
                Restart(time: s.value, lastBefore: times.lastIndex { $0 < s.value })
            }
            return
        }
        if let hwm = series.values(of: .hwm), hwm.contains(where: { !$0.isNaN }) {
            rule = .hwm
            restarts = Self.falls(hwm, times) { previous, value in previous - value > Self.hwmRoundingKiB }
            return
        }
        rule = .rss
        let rss = series.values(of: .rss) ?? series.values
        let pairs = Self.consecutive(rss)
        let typical = Sample.quantile(pairs.compactMap { p -> Double? in
            let fall = rss[p.0] - rss[p.1]
            return fall > 0 && fall <= Self.relativeDrop * rss[p.0] ? fall : nil
        }, 0.5)
        let floor = typical.isNaN ? 0 : Self.fallFactor * typical
        restarts = pairs.compactMap { p in
            let fall = rss[p.0] - rss[p.1]
            return fall > Self.relativeDrop * rss[p.0] && fall > floor ? Restart(time: times[p.1], lastBefore: p.0) : nil
        }
    }

    /// Pairs of indices of consecutive known (non-NaN) values.
    static func consecutive(_ values: [Double]) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        var previous: Int?
        for (i, v) in values.enumerated() where !v.isNaN {
            if let p = previous { out.append((p, i)) }
            previous = i
        }
        return out
    }

    static func falls(_ values: [Double], _ times: [Int64], _ isRestart: (Double, Double) -> Bool) -> [Restart] {
        consecutive(values).compactMap { p in
            isRestart(values[p.0], values[p.1]) ? Restart(time: times[p.1], lastBefore: p.0) : nil
        }
    }

    public var count: Int { restarts.count }
}
