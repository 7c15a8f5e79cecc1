import TormemCore

extension OpenMetricsWriter {
    /// The collector's fact gauges of relays that have facts, at each of their sample times the
    /// reading in force then (as the collector's textfile gives them at every scrape): start time,
    /// bandwidth per day, consensus weight, and the info-style allocator and flag gauges (value 1,
    /// the allocator's version in its own label). Nothing for data without facts.
    static func writeFacts(_ relays: [(String, [RelaySeries])], into sink: inout TextSink) throws(TormemError) {
        let withFacts = relays.filter { $0.1.contains { !$0.facts.isEmpty } }
        guard !withFacts.isEmpty else { return }
        func numbers(_ name: String, _ help: String, _ value: @escaping (RelayFacts, Int64) -> Double?) throws(TormemError) {
            try family(&sink, name, help, withFacts.map(\.0)) { i in
                samples(withFacts[i].1) { part in part.times.map { value(part.facts, $0) ?? .nan } }
            }
        }
        try numbers(PrometheusGauge.startTime, "When the relay process started (Unix time; /proc/PID/stat and btime).") {
            RelayFacts.value($0.starts, at: $1).map(Double.init)
        }
        try numbers(PrometheusGauge.readBytesPerDay, "Bytes the relay read in tor's last complete bandwidth-history interval, per day (its state file).") {
            RelayFacts.value($0.bandwidth, at: $1)?.readPerDay
        }
        try numbers(PrometheusGauge.writtenBytesPerDay, "Bytes the relay wrote in tor's last complete bandwidth-history interval, per day (its state file).") {
            RelayFacts.value($0.bandwidth, at: $1)?.writtenPerDay
        }
        try numbers(PrometheusGauge.consensusWeight, "The relay's weight (w Bandwidth=) in the newest cached consensus.") {
            RelayFacts.value($0.weights, at: $1)
        }
        // One series per relay and allocator (or flag): 1 at the times it is in force.
        func labelled(_ name: String, _ help: String, _ values: @escaping (RelayFacts, Int64) -> [String],
                      _ extra: @escaping (String) -> [(String, String)]) throws(TormemError) {
            var series: [(String, [RelaySeries], String)] = []
            for (label, parts) in withFacts {
                var seen = Set<String>()
                for p in parts { for t in p.times { seen.formUnion(values(p.facts, t)) } }
                for v in seen {
                    series.append((String(label.dropLast()) + "," + labels(extra(v)).dropFirst(), parts, v))
                }
            }
            series.sort { $0.0 < $1.0 }
            try family(&sink, name, help, series.map(\.0)) { i in
                let (_, parts, v) = series[i]
                return samples(parts) { part in part.times.map { values(part.facts, $0).contains(v) ? 1 : .nan } }
            }
        }
        try labelled(PrometheusGauge.allocatorInfo, "The allocator the relay process has mapped (/proc/PID/maps); always 1.",
                     { f, t in RelayFacts.value(f.allocators, at: t).map { [$0] } ?? [] }) { a in
            let words = a.split(separator: " ", maxSplits: 1).map(String.init)
            return [("allocator", words[0])] + (words.count > 1 ? [("version", words[1])] : [])
        }
        try labelled(PrometheusGauge.flag, "A flag of the relay in the newest cached consensus; always 1.",
                     { f, t in RelayFacts.value(f.flags, at: t).map { $0.split(separator: " ").map(String.init) } ?? [] }) { [("flag", $0)] }
    }
}
