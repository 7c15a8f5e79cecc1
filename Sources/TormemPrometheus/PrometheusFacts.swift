import TormemCore
import TormemData

/// The collector's fact gauges (`PrometheusGauge`: start time, bandwidth per day, consensus
/// weight, allocator, flags) read back into each relay's `RelayFacts`, keyed as `PrometheusSamples`
/// keys relays (server label, fingerprint else nickname). Each series is taken as it comes and
/// only changes are kept, so a fleet's hourly facts hold a few readings per relay and day; the
/// flags a relay holds are the `flag` series still present at its latest flag sample (a lost flag's
/// series ends).
struct PrometheusFacts {
    let serverLabel: String

    struct Relay {
        var facts = RelayFacts()
        var read: [RelayFacts.Reading<Double>] = []
        var written: [RelayFacts.Reading<Double>] = []
        /// Per flag, its latest sample's time.
        var flagLast: [String: Int64] = [:]
    }

    private(set) var relays: [String: Relay] = [:]
    /// Samples left out (NaN, infinite, negative, a start time that is no time).
    private(set) var unusable = 0

    init(serverLabel: String) { self.serverLabel = serverLabel }

    /// The gauges read.
    static let names = [PrometheusGauge.startTime, PrometheusGauge.readBytesPerDay, PrometheusGauge.writtenBytesPerDay,
                        PrometheusGauge.consensusWeight, PrometheusGauge.allocatorInfo, PrometheusGauge.flag]

    /// A flag series whose latest sample is this much older than the relay's latest flag sample is
    /// a flag no longer held.
    static let flagStale: Int64 = 300

    mutating func add(_ series: PrometheusAnswer.Series) {
        guard let name = series.labels["__name__"], let server = series.labels[serverLabel], !server.isEmpty else { return }
        let nickname = series.labels["nickname"] ?? "", fingerprint = series.labels["fingerprint"] ?? ""
        guard !nickname.isEmpty || !fingerprint.isEmpty else { return }
        let key = server + "\u{1}" + (fingerprint.isEmpty ? nickname : fingerprint)
        var r = relays.removeValue(forKey: key) ?? Relay()
        for s in series.samples {
            guard s.value.isFinite, s.value >= 0 else { unusable += 1; continue }
            let t = Int64(s.time.rounded(.down))
            switch name {
            case PrometheusGauge.startTime:
                guard s.value < 1e11 else { unusable += 1; continue }
                r.facts.note(started: Int64(s.value), at: t)
            case PrometheusGauge.readBytesPerDay: RelayFacts.note(&r.read, s.value, at: t)
            case PrometheusGauge.writtenBytesPerDay: RelayFacts.note(&r.written, s.value, at: t)
            case PrometheusGauge.consensusWeight: r.facts.note(weight: s.value, at: t)
            case PrometheusGauge.allocatorInfo:
                guard let allocator = series.labels["allocator"], !allocator.isEmpty else { continue }
                let version = series.labels["version"] ?? ""
                r.facts.note(allocator: version.isEmpty ? allocator : allocator + " " + version, at: t)
            case PrometheusGauge.flag:
                guard let flag = series.labels["flag"], !flag.isEmpty, s.value > 0 else { continue }
                r.flagLast[flag] = max(r.flagLast[flag] ?? t, t)
            default: break
            }
        }
        relays[key] = r
    }

    /// Each relay's facts: readings in time order, read and written paired by time, the flags at
    /// the latest flag sample.
    func facts() -> [String: RelayFacts] {
        var out: [String: RelayFacts] = [:]
        for (key, r) in relays {
            var facts = r.facts
            facts.normalize()
            let times = Set(r.read.map(\.time)).union(r.written.map(\.time)).sorted()
            for t in times {
                facts.note(bandwidth: RelayFacts.Bandwidth(readPerDay: RelayFacts.value(r.read, at: t) ?? .nan,
                                                           writtenPerDay: RelayFacts.value(r.written, at: t) ?? .nan), at: t)
            }
            if let last = r.flagLast.values.max() {
                let held = r.flagLast.filter { $0.value >= last - Self.flagStale }.keys.sorted()
                facts.note(flags: held.joined(separator: " "), at: last)
            }
            if !facts.isEmpty { out[key] = facts }
        }
        return out
    }
}
