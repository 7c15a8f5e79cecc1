import Foundation
import Testing
import TormemCore
@testable import TormemData

/// Built relays whose restart times are put in by hand: the expected restarts are those times (the
/// first sample after each), never what the rule computes.
@Suite struct RestartDetectionTests {
    static let t0: Int64 = 1_772_323_200  // 2026-03-01T00:00:00Z
    static let hour: Int64 = 3_600

    /// A seeded standard normal (Box–Muller).
    struct Normal {
        var rng: SplitMix64
        init(seed: UInt64) { rng = SplitMix64(seed: seed) }
        mutating func next() -> Double {
            let u1 = max(Double.random(in: 0..<1, using: &rng), 1e-300), u2 = Double.random(in: 0..<1, using: &rng)
            return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
        }
    }

    /// A relay restarted every 24 h, `offset` hours before a collection, sampled every 6 h from t0 for
    /// `days`: plateau × (1 − exp(−h/τ)), h the hours since the last restart (the process before the
    /// first restart started a day earlier). Returns the series and the restart times in the data.
    static func sawtooth(tau: Double, offset: Int64, days: Int = 10, plateauGB: Double = 1, noise: Double = 0,
                         seed: UInt64 = 1) -> (RelaySeries, [Int64]) {
        var normal = Normal(seed: seed)
        var times: [Int64] = [], values: [Double] = []
        let restarts = (0..<days).map { t0 + Int64($0) * 24 * hour + (6 - offset) * hour }
        for i in 0..<(days * 4) {
            let t = t0 + Int64(i) * 6 * hour
            let last = restarts.last { $0 <= t } ?? (restarts[0] - 24 * hour)
            let h = Double(t - last) / Double(hour)
            times.append(t)
            values.append(plateauGB * (1 - exp(-h / tau)) * (1 + noise * normal.next()) * Memory.kibPerGB)
        }
        let inData = restarts.filter { $0 > times[0] && $0 <= times.last! }
        return (RelaySeries(info: RelayInfo(nickname: "saw"), times: times, values: values), inData)
    }

    /// The first sample at or after each restart.
    static func firstSamples(after restarts: [Int64], _ s: RelaySeries) -> [Int64] {
        restarts.map { r in s.times.first { $0 >= r }! }
    }

    @Test(arguments: [(2.0, Int64(3)), (2.5, Int64(3)), (3.0, Int64(5)), (4.0, Int64(5)), (6.0, Int64(1)), (3.0, Int64(3))])
    func dailyRestartsSampledEverySixHours(tau: Double, offset: Int64) {
        let (s, restarts) = Self.sawtooth(tau: tau, offset: offset)
        let d = RestartDetection(s)
        #expect(d.rule == .rss)
        #expect(restarts.count == 10)
        #expect(d.restarts.map(\.time) == Self.firstSamples(after: restarts, s))
        // The last sample before each restart is the one 6 h before the first after it.
        #expect(d.restarts.allSatisfy { r in r.lastBefore.map { s.times[$0] } == r.time - 6 * Self.hour })
    }

    @Test func theNextSampleIsAtSeventyToEightyPercentOfThePeak() {
        // The cases the rule is for: "below half" would find none of these.
        for (tau, offset) in [(2.0, Int64(3)), (2.5, Int64(3)), (4.0, Int64(5))] {
            let (s, _) = Self.sawtooth(tau: tau, offset: offset)
            let d = RestartDetection(s)
            for r in d.restarts {
                let after = s.values[s.times.firstIndex(of: r.time)!], before = s.values[r.lastBefore!]
                #expect(after / before > 0.69 && after / before < 0.8)
            }
            #expect(d.count == 10)
        }
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func dailyRestartsWithOnePercentNoise(seed: UInt64) {
        let (s, restarts) = Self.sawtooth(tau: 2.5, offset: 3, noise: 0.01, seed: seed)
        #expect(RestartDetection(s).restarts.map(\.time) == Self.firstSamples(after: restarts, s))
    }

    @Test func aNearlyRecoveredRelayIsNotSeen() {
        // Back at 92 % by the next sample: an 8 % fall is not told from noise (documented limit).
        let (s, _) = Self.sawtooth(tau: 2, offset: 5)
        #expect(RestartDetection(s).count == 0)
    }

    @Test func flatRelaysWithThreePercentNoiseNeverRestart() {
        // 20 relays, hourly, 4 weeks.
        for seed in UInt64(1)...20 {
            var normal = Normal(seed: seed)
            let times = (0..<(24 * 28)).map { Self.t0 + Int64($0) * Self.hour }
            let values = times.map { _ in 2 * Memory.kibPerGB * (1 + 0.03 * normal.next()) }
            let d = RestartDetection(RelaySeries(info: RelayInfo(nickname: "flat"), times: times, values: values))
            #expect(d.count == 0, "seed \(seed)")
        }
    }

    @Test func aNoisyRelaysFallsAreMeasuredAgainstItsOwnNoise() {
        // 10 % noise, every 6 h for 4 weeks: many falls above 15 %, none a restart; the same relay
        // restarted once from 2 GB to 0.3 GB (sample 60) shows that one restart only.
        var normal = Normal(seed: 11)
        let times = (0..<112).map { Self.t0 + Int64($0) * 6 * Self.hour }
        let noise = times.map { _ in 1 + 0.1 * normal.next() }
        let flat = noise.map { 2 * Memory.kibPerGB * $0 }
        #expect(zip(flat, flat.dropFirst()).contains { $0 - $1 > 0.15 * $0 })
        #expect(RestartDetection(RelaySeries(info: RelayInfo(nickname: "noisy"), times: times, values: flat)).count == 0)
        var restarted = flat
        restarted[60] = 0.3 * Memory.kibPerGB
        for i in 61..<112 { restarted[i] = min(2, 0.3 + 0.1 * Double(i - 60)) * Memory.kibPerGB * noise[i] }
        let d = RestartDetection(RelaySeries(info: RelayInfo(nickname: "noisy"), times: times, values: restarted))
        #expect(d.restarts == [RestartDetection.Restart(time: times[60], lastBefore: 59)])
    }

    @Test func aLinearlyFragmentingRelayNeverRestarts() {
        var normal = Normal(seed: 7)
        let times = (0..<(4 * 28)).map { Self.t0 + Int64($0) * 6 * Self.hour }
        let values = times.indices.map { i in (0.5 + 0.1 * Double(i) / 4) * Memory.kibPerGB * (1 + 0.01 * normal.next()) }
        #expect(RestartDetection(RelaySeries(info: RelayInfo(nickname: "frag"), times: times, values: values)).count == 0)
        let clean = times.indices.map { i in (0.5 + 0.1 * Double(i) / 4) * Memory.kibPerGB }
        #expect(RestartDetection(RelaySeries(info: RelayInfo(nickname: "frag"), times: times, values: clean)).count == 0)
    }

    @Test func oneRestart() {
        // Grows 0.05 GB per 6 h from 1 GB; restarted between samples 20 and 21, back at 0.3 GB.
        let times = (0..<40).map { Self.t0 + Int64($0) * 6 * Self.hour }
        let values: [Double] = (0..<40).map { (i: Int) -> Double in
            let gb: Double = i <= 20 ? 1 + 0.05 * Double(i) : 0.3 + 0.05 * Double(i - 21)
            return gb * Memory.kibPerGB
        }
        let d = RestartDetection(RelaySeries(info: RelayInfo(nickname: "one"), times: times, values: values))
        #expect(d.restarts == [RestartDetection.Restart(time: times[21], lastBefore: 20)])
    }

    static func hwmSeries(rss: [Double], hwm: [Double]) -> RelaySeries {
        var s = RelaySeries(info: RelayInfo(nickname: "hwm"), metrics: [.rss, .hwm])
        for i in rss.indices { s.append(time: t0 + Int64(i) * 6 * hour, values: [rss[i], hwm[i]]) }
        return s
    }

    @Test func aFallOfVmHWMIsARestart() {
        // RSS falls only 10 % at the restart (not enough alone); VmHWM falls from 1.2 GB to 1.1 GB.
        let rss = [1.0, 1.0, 1.0, 0.9, 0.9, 0.9].map { $0 * Memory.kibPerGB }
        let hwm = [1.2, 1.2, 1.2, 1.1, 1.1, 1.1].map { $0 * Memory.kibPerGB }
        let d = RestartDetection(Self.hwmSeries(rss: rss, hwm: hwm))
        #expect(d.rule == .hwm)
        #expect(d.restarts == [.init(time: Self.t0 + 18 * Self.hour, lastBefore: 2)])
    }

    @Test func vmHWMRoundingIsNoRestart() {
        // A 4 KiB fall is rounding; the RSS fall by half is not looked at when VmHWM is known.
        let rss = [1_000_000.0, 1_000_000, 500_000, 500_000]
        let hwm = [1_200_000.0, 1_199_996, 1_199_996, 1_200_100]
        let d = RestartDetection(Self.hwmSeries(rss: rss, hwm: hwm))
        #expect(d.rule == .hwm)
        #expect(d.count == 0)
    }

    @Test func vmHWMWithMissingValuesComparesKnownNeighbours() {
        let rss = [1.0, 1.0, 1.0, 1.0].map { $0 * Memory.kibPerGB }
        let hwm = [1.2 * Memory.kibPerGB, .nan, 0.5 * Memory.kibPerGB, 0.6 * Memory.kibPerGB]
        #expect(RestartDetection(Self.hwmSeries(rss: rss, hwm: hwm)).restarts == [.init(time: Self.t0 + 12 * Self.hour, lastBefore: 0)])
    }

    @Test func startedReadingsWin() {
        // RSS halves at sample 3 but the start time never changes: no restart. A second relay's
        // start changes at 13:00 (inside), and one before its window is not counted.
        let times = (0..<6).map { Self.t0 + Int64($0) * 6 * Self.hour }
        let values = [1.0, 1.0, 1.0, 0.5, 0.5, 0.5].map { $0 * Memory.kibPerGB }
        var same = RelaySeries(info: RelayInfo(nickname: "same"), times: times, values: values)
        same.facts.note(started: Self.t0 - 86_400, at: times[0])
        #expect(RestartDetection(same).rule == .started)
        #expect(RestartDetection(same).count == 0)

        var changed = RelaySeries(info: RelayInfo(nickname: "changed"), times: times, values: [Double](repeating: Memory.kibPerGB, count: 6))
        changed.facts.note(started: Self.t0 - 2 * 86_400, at: Self.t0 - 2 * 86_400)
        changed.facts.note(started: Self.t0 - 86_400, at: Self.t0 - 86_000)
        changed.facts.note(started: Self.t0 + 13 * Self.hour, at: times[3])
        let d = RestartDetection(changed)
        #expect(d.restarts == [.init(time: Self.t0 + 13 * Self.hour, lastBefore: 2)])
    }

    @Test func aSingleStartReadingInsideTheWindowIsARestart() {
        // Onionoo's `last_restarted`, read once at the end: the first samples were an older process.
        let times = (0..<6).map { Self.t0 + Int64($0) * 6 * Self.hour }
        var s = RelaySeries(info: RelayInfo(nickname: "onionoo"), times: times, values: [Double](repeating: Memory.kibPerGB, count: 6))
        s.facts.note(started: Self.t0 + 20 * Self.hour, at: times[5])
        #expect(RestartDetection(s).restarts == [.init(time: Self.t0 + 20 * Self.hour, lastBefore: 3)])
        var before = s
        before.facts = RelayFacts()
        before.facts.note(started: Self.t0, at: times[5])
        #expect(RestartDetection(before).count == 0)
    }

    @Test func gapsInTheData() {
        // Every 6 h, then two days without samples.
        let times = [0, 6, 12, 18, 66, 72, 78].map { Self.t0 + Int64($0) * Self.hour }
        let flat = RelaySeries(info: RelayInfo(nickname: "gap"), times: times, values: [Double](repeating: Memory.kibPerGB, count: 7))
        #expect(RestartDetection(flat).count == 0)
        // Restarted in the gap: back at 0.6 of its value after it.
        let values = [1.0, 1.01, 1.02, 1.03, 0.6, 0.62, 0.64].map { $0 * Memory.kibPerGB }
        let restarted = RelaySeries(info: RelayInfo(nickname: "gap"), times: times, values: values)
        #expect(RestartDetection(restarted).restarts == [.init(time: times[4], lastBefore: 3)])
        // The daily sawtooth without the last sample before one restart (24 h) and two samples of
        // another day (84 h, 90 h) still shows every restart.
        let (s, restarts) = Self.sawtooth(tau: 2.5, offset: 3)
        let kept = s.times.indices.filter { $0 != 4 && $0 != 14 && $0 != 15 }
        let gappy = s.keeping(runs: kept.map { $0..<($0 + 1) })
        #expect(RestartDetection(gappy).restarts.map(\.time) == Self.firstSamples(after: restarts, gappy))
    }
}
