import TormemCore

/// The run's facts, one definition for the run summary, `--json`, README.md, REPORT.md and the
/// chart subtitles: servers, relays, period, collections and rows. Computed once, by `ChartInputs`.
///
/// - relays: the distinct relays of the per-relay series; else of the experiment table; else of
///   the snapshot (running and not); else the most an aggregate series counted at once.
/// - period: the first and last time of any series or snapshot.
/// - collections: distinct timestamps per server, of its aggregate and per-relay series (a snapshot
///   is one collection).
public struct RunScope: Equatable, Sendable {
    public struct Server: Equatable, Sendable {
        /// As shown (`NEW (was OLD)` is `name` with `aliases`).
        public var name: String
        public var aliases: [String]
        public var relays: Int
        public var first: Int64?
        public var last: Int64?
        public var collections: Int
    }

    public var servers: [Server] = []
    public var relays = 0
    /// Distinct relays and memberships of the groups, when there are groups.
    public var groups: GroupRelayCount?
    public var first: Int64?
    public var last: Int64?
    /// Distinct (server, timestamp) pairs; nil when the data has no timestamps.
    public var collections: Int?
    public var rowsRead = 0
    public var rowsSkipped = 0
    public var files = 0
    /// The period when the data has no times: the experiment's dates, else the table's days.
    var undatedPeriod: String?

    public init() {}

    public init(_ inputs: ChartInputs) {
        let display = RelayIdentity.displayNames(inputs.renames)
        var byServer: [String: [RelaySeries]] = [:]
        for r in inputs.relays.relays where !r.info.server.isEmpty { byServer[r.info.server, default: []].append(r) }
        var names = Set((inputs.aggregate?.serverNames ?? []) + byServer.keys)
        let snapshot = inputs.snapshot
        if let h = snapshot?.host, !h.isEmpty { names.insert(h) }
        let daily = inputs.relays.isEmpty ? inputs.daily : nil
        groups = inputs.daily.map(GroupRelayCount.init)
        if !inputs.relays.isEmpty {
            relays = inputs.relays.count
        } else if let d = daily, !d.relays.isEmpty {
            relays = Set(d.relays.map { $0.server + "\u{0}" + $0.id }).count
        } else if let s = snapshot {
            relays = s.relays.count + s.notRunning.count
        } else {
            relays = max(0, inputs.aggregate?.combined.relays.max() ?? 0)
        }
        let fallback = names.isEmpty ? inputs.side.experiment?.server.flatMap { $0.isEmpty ? nil : $0 } : nil
        servers = (names.sorted() + (fallback.map { [$0] } ?? [])).map { shown in
            let aliases = inputs.renames.filter { display[$0.old] == shown }.map(\.old)
            let name = inputs.renames.first { display[$0.new] == shown }?.new ?? shown
            let series = inputs.aggregate?.servers.first { $0.server == shown }
            let own = byServer[shown] ?? []
            var times = Set(series?.times ?? [])
            for r in own { times.formUnion(r.times) }
            var first = times.min(), last = times.max()
            var relays = own.count
            if let s = snapshot, s.host == shown {
                relays += s.relays.count + s.notRunning.count
                if let c = s.collected?.seconds { times.insert(c); first = min(first ?? c, c); last = max(last ?? c, c) }
            }
            if shown == fallback { relays = self.relays }
            return Server(name: name, aliases: aliases, relays: relays, first: first, last: last, collections: times.count)
        }
        var lo: Int64?, hi: Int64?
        func see(_ t: Int64?) { if let t { lo = min(lo ?? t, t); hi = max(hi ?? t, t) } }
        see(inputs.aggregate?.combined.times.first); see(inputs.aggregate?.combined.times.last)
        see(inputs.relays.start); see(inputs.relays.end)
        see(snapshot?.collected?.seconds)
        first = lo; last = hi
        let total = servers.reduce(0) { $0 + $1.collections }
        collections = total > 0 ? total : nil
        rowsRead = inputs.files.reduce(0) { $0 + $1.rows }
        rowsSkipped = inputs.files.reduce(0) { $0 + $1.skipped }
        files = inputs.files.count
        if let e = inputs.side.experiment, let a = e.startDate, let b = e.endDate {
            undatedPeriod = "\(a) → \(b)"
        } else if let d = inputs.daily {
            undatedPeriod = "days \(d.days.first ?? 0)–\(d.days.last ?? 0) after the configuration change"
        }
    }

    /// The server names, as shown.
    public var serverNames: [String] { servers.map(\.name) }

    /// Rows read and kept (the data points).
    public var rowsKept: Int { rowsRead - rowsSkipped }

    /// `2026-03-02 00:00 UTC → 2026-03-11 20:00 UTC` (dates alone when every bound is at midnight),
    /// else the experiment's dates or the table's days; `unknown` without any.
    public var periodText: String {
        if let lo = first, let hi = last {
            let a = Timestamp(seconds: lo), b = Timestamp(seconds: hi)
            let daily = a.secondOfDay == 0 && b.secondOfDay == 0
            func w(_ t: Timestamp) -> String { daily ? t.date.description : t.dateTimeMinutes + " UTC" }
            return lo == hi ? w(a) : "\(w(a)) → \(w(b))"
        }
        return undatedPeriod ?? "unknown"
    }

    /// `200`, or `200 (60 in two groups)`: the distinct relays, and apart those in several groups.
    public var relaysText: String {
        "\(relays)" + (groups.flatMap(GroupText.shared).map { " (" + $0 + ")" } ?? "")
    }
}
