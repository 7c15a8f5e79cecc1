import TormemCore

/// One relay, one identity, across every loaded file (SPEC §1 "Relay identity"):
/// - a renamed host (two server names, time ranges that do not overlap, at least 90 % of the relays
///   in common) is one server named `NEW (was OLD)`; `--server-alias OLD=NEW` forces a rename and
///   `--keep-servers` turns the detection off;
/// - a relay's rows from several files or servers merge by fingerprint, else nickname;
/// - rows without a fingerprint join the relay with the same nickname on the same server when that
///   nickname has exactly one fingerprint in the input; with several they stay apart (warning).
public struct RelayIdentity: Sendable {
    public var relays: RelayTable
    public var servers: [AggregateSeries]
    public var renames: [ServerRename]
    public var warnings: [Diagnostic]

    /// `source` names the input in warnings (the data file, or files).
    public init(relays: [RelayTable], servers: [AggregateSeries], aliases: [String: String] = [:],
                detectRenames: Bool = true, source: String) {
        var series = RelayTable.merge(relays).relays
        var aggregates = servers
        var renames = RelayIdentity.forcedRenames(aliases, known: Set(series.map(\.info.server) + servers.map(\.server)))
        if detectRenames {
            renames += RelayIdentity.detectedRenames(series, aggregates, excluding: renames)
        }
        let display = RelayIdentity.displayNames(renames)
        for i in series.indices { series[i].info.server = display[series[i].info.server] ?? series[i].info.server }
        for i in aggregates.indices { aggregates[i].server = display[aggregates[i].server] ?? aggregates[i].server }
        var warnings: [Diagnostic] = []
        let joined = RelayIdentity.joinUnfingerprinted(RelayTable.merge([RelayTable(relays: series)]), warnings: &warnings, source: source)
        self.relays = joined
        self.servers = aggregates
        self.renames = renames
        self.warnings = warnings
    }

    /// `--server-alias OLD=NEW` pairs that name a server in the data.
    static func forcedRenames(_ aliases: [String: String], known: Set<String>) -> [ServerRename] {
        aliases.keys.sorted().compactMap { old in
            known.contains(old) ? ServerRename(old: old, new: aliases[old]!, forced: true) : nil
        }
    }

    /// Pairs of servers, in time order, whose time ranges do not overlap and whose relays are the
    /// same (at least `ServerRename.minimumOverlap` of the smaller set, by fingerprint else nickname).
    static func detectedRenames(_ series: [RelaySeries], _ aggregates: [AggregateSeries],
                                excluding forced: [ServerRename]) -> [ServerRename] {
        struct Host { var name: String; var first: Int64; var last: Int64; var relays: [RelayInfo] }
        var hosts: [String: Host] = [:]
        func note(_ name: String, _ times: [Int64]) {
            guard let a = times.first, let b = times.last else { return }
            var h = hosts[name] ?? Host(name: name, first: a, last: b, relays: [])
            h.first = min(h.first, a); h.last = max(h.last, b)
            hosts[name] = h
        }
        for s in aggregates { note(s.server, s.times) }
        for r in series {
            note(r.info.server, r.times)
            hosts[r.info.server]?.relays.append(r.info)
        }
        let taken = Set(forced.map(\.old))
        let ordered = hosts.values.filter { !taken.contains($0.name) }.sorted { ($0.first, $0.name) < ($1.first, $1.name) }
        guard ordered.count >= 2 else { return [] }
        var renames: [ServerRename] = []
        var current = ordered[0]
        for next in ordered.dropFirst() {
            if current.last < next.first, !current.relays.isEmpty, !next.relays.isEmpty,
               overlap(current.relays, next.relays) >= ServerRename.minimumOverlap {
                renames.append(ServerRename(old: current.name, new: next.name, forced: false))
                current = Host(name: next.name, first: current.first, last: next.last, relays: current.relays + next.relays)
            } else {
                current = next
            }
        }
        return renames
    }

    /// Relays of `a` found in `b` (same fingerprint, or same nickname when either has none), as a
    /// share of the smaller set.
    static func overlap(_ a: [RelayInfo], _ b: [RelayInfo]) -> Double {
        let fingerprints = Set(b.map(\.fingerprint).filter { !$0.isEmpty })
        let nicknames = Set(b.map(\.nickname).filter { !$0.isEmpty })
        let ids = Set(a.map(\.id))
        let matched = Set(a.filter { r in
            (!r.fingerprint.isEmpty && fingerprints.contains(r.fingerprint)) || (!r.nickname.isEmpty && nicknames.contains(r.nickname))
        }.map(\.id)).count
        let smaller = min(ids.count, Set(b.map(\.id)).count)
        return smaller == 0 ? 0 : Double(matched) / Double(smaller)
    }

    /// Every old and new name → `NEW (was OLD, …)`, following chains (A → B → C).
    public static func displayNames(_ renames: [ServerRename]) -> [String: String] {
        var target: [String: String] = [:]
        for r in renames { target[r.old] = r.new }
        func final(_ name: String) -> String {
            var n = name, seen: Set<String> = []
            while let t = target[n], !seen.contains(t) { seen.insert(n); n = t }
            return n
        }
        var olds: [String: [String]] = [:]
        for r in renames { olds[final(r.old), default: []].append(r.old) }
        var display: [String: String] = [:]
        for (new, names) in olds {
            let shown = "\(new) (was \(names.joined(separator: ", ")))"
            display[new] = shown
            for old in names { display[old] = shown }
        }
        return display
    }

    /// Rows without a fingerprint join the relay of the same nickname on the same server when that
    /// nickname has exactly one fingerprint in the input.
    static func joinUnfingerprinted(_ table: RelayTable, warnings: inout [Diagnostic], source: String) -> RelayTable {
        var fingerprints: [String: Set<String>] = [:]
        for r in table.relays where !r.info.fingerprint.isEmpty && !r.info.nickname.isEmpty {
            fingerprints[r.info.nickname, default: []].insert(r.info.fingerprint)
        }
        var index: [String: Int] = [:]
        for (i, r) in table.relays.enumerated() where !r.info.fingerprint.isEmpty {
            index[r.info.server + "\u{1}" + r.info.fingerprint] = i
        }
        var relays = table.relays
        var absorbed = Set<Int>()
        var ambiguous: [String: Set<String>] = [:]
        for (i, r) in table.relays.enumerated() where r.info.fingerprint.isEmpty {
            guard let fps = fingerprints[r.info.nickname] else { continue }
            guard fps.count == 1, let target = index[r.info.server + "\u{1}" + fps.first!] else {
                if fps.count > 1 { ambiguous[r.info.nickname] = fps }
                continue
            }
            relays[target].merge(r)
            absorbed.insert(i)
        }
        for name in ambiguous.keys.sorted() {
            warnings.append(Diagnostic(file: source, message:
                "rows of \(name) without a fingerprint stay a relay of their own: the nickname has \(ambiguous[name]!.count) fingerprints ("
                + ambiguous[name]!.sorted().joined(separator: ", ") + ")"))
        }
        return RelayTable(relays: relays.enumerated().filter { !absorbed.contains($0.offset) }.map(\.element))
    }
}
