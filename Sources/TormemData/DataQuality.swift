import TormemCore

/// What a reader of a report should know about the data's quality: rows skipped, the run's warnings
/// (duplicate nicknames, relays never seen, unreadable side-file rows) and holes in the collections.
public struct DataQuality: Sendable {
    public var notes: [String]

    /// At most this many warnings are listed; the rest are counted.
    public static let shownWarnings = 12

    public init(inputs: ChartInputs) {
        var notes: [String] = []
        for f in inputs.files where f.skipped > 0 {
            notes.append("\(DataQuality.name(f.path)): \(f.skipped) of \(f.rows) row\(f.rows == 1 ? "" : "s") skipped (see the warnings)")
        }
        for gap in DataQuality.gaps(inputs) { notes.append(gap) }
        let warnings = inputs.allWarnings
        for w in warnings.prefix(DataQuality.shownWarnings) {
            var d = w
            d.file = DataQuality.name(d.file)
            notes.append(d.description)
        }
        if warnings.count > DataQuality.shownWarnings {
            notes.append("and \(warnings.count - DataQuality.shownWarnings) more warnings (run tormem-charts on the data to see them all)")
        }
        self.notes = notes
    }

    /// Per server, the holes in its collections: steps longer than 3 × its median interval.
    static func gaps(_ inputs: ChartInputs) -> [String] {
        var times: [String: [Int64]] = [:]
        for s in inputs.aggregate?.servers ?? [] { times[s.server] = s.times }
        if times.isEmpty {
            for (server, relays) in Dictionary(grouping: inputs.relays.relays, by: \.info.server) {
                times[server] = GapBreaks.distinctTimes(relays)
            }
        }
        var out: [String] = []
        for (server, t) in times.sorted(by: { $0.key < $1.key }) {
            let breaks = GapBreaks(times: t)
            guard !breaks.after.isEmpty else { continue }
            let longest = breaks.after.max { t[$0 + 1] - t[$0] < t[$1 + 1] - t[$1] }!
            let hours = Double(t[longest + 1] - t[longest]) / 3600
            out.append("\(server.isEmpty ? "the data" : server): \(breaks.after.count) gap\(breaks.after.count == 1 ? "" : "s") in the collections "
                + "(longer than 3 × the usual interval; the longest \(NumberFormat.fixed(hours, decimals: hours < 10 ? 1 : 0)) h, from \(Timestamp(seconds: t[longest]).dateTimeMinutes) UTC)")
        }
        return out
    }

    static func name(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }
}
