import TormemCore

/// A side file a run used, and what it gave: `relay_config.csv: groups of 40 relays (A–D), labels
/// A–D; matches 40 of 40 relays in the data`. Printed in the run summary, kept in `--json`
/// (`side_files`) and in REPORT.md's data reference, so no file is used unseen.
public struct SideFileUse: Equatable, Sendable {
    public var path: String
    /// `experiment`, `relay groups`, `group list`, `timeline`, `host diagnostics` or `Onionoo`.
    public var kind: String
    /// What it gave, in words.
    public var gave: String
    /// How well a file that says which relay is in which group fits the data (by fingerprint or
    /// nickname); nil for the other files, or without per-relay data.
    public var match: Match?

    public enum Match: Equatable, Sendable {
        /// `relay_config.csv`: relays of the data it names, of the data's relays.
        case dataRelays(matched: Int, of: Int)
        /// A group list: relays it lists that the data has, of those it lists.
        case listed(seen: Int, of: Int)

        public var counts: (part: Int, whole: Int) {
            switch self {
            case .dataRelays(let m, let n): (m, n)
            case .listed(let s, let n): (s, n)
            }
        }
    }

    /// Whether it fits less than half of the data: probably written for other data.
    public var matchesFew: Bool {
        guard let (part, whole) = match?.counts, whole > 0 else { return false }
        return part * 2 < whole
    }

    /// `relay_config.csv: groups of 40 relays (A–D); matches 40 of 40 relays in the data`.
    public var text: String {
        switch match {
        case .dataRelays(let m, let n)?: path + ": " + gave + "; matches \(m) of \(n) relay\(n == 1 ? "" : "s") in the data"
        case .listed(let s, let n)?: path + ": " + gave + "; \(s) of \(n) in the data"
        case nil: path + ": " + gave
        }
    }

    /// Why a file that matches few relays is suspect, for the warning.
    public var fewText: String {
        switch match {
        case .dataRelays(let m, let n)?:
            "names only \(m) of the \(n) relays in the data: written for other data? Its groups are used for those \(m) only; move the file away if it belongs elsewhere"
        case .listed(let s, let n)?:
            "only \(s) of the \(n) relays it lists are in the data: written for other data? Move the file away if it belongs elsewhere"
        case nil: ""
        }
    }

    /// The side files of `side` with what each gave to a run over `relays` (the data's per-relay
    /// series; empty for aggregate-only data) with the final `labels`.
    public static func uses(_ side: SideFiles, relays: [RelayInfo], labels: GroupLabels) -> [SideFileUse] {
        var out: [SideFileUse] = []
        let identities = relays.map { (GroupMembership.normalizedFingerprint($0.listedFingerprint), $0.listedNickname) }
        let known = Set(identities.flatMap { [$0.0, $0.1] }.filter { !$0.isEmpty })
        func matched(_ names: Set<String>) -> Match? {
            relays.isEmpty ? nil : .dataRelays(matched: identities.filter { names.contains($0.0) || names.contains($0.1) }.count, of: relays.count)
        }
        if let p = side.experimentPath, let e = side.experiment {
            var parts: [String] = []
            if e.name != nil { parts.append("the title") }
            if e.hypothesis != nil { parts.append("the hypothesis") }
            let named = labels.sources.filter { $0.value == .experiment }.keys
            if !named.isEmpty { parts.append("labels " + groupList(named)) }
            let started = e.groups.keys.filter { e.groups[$0]?.start != nil || e.groups[$0]?.added != nil }
            if !started.isEmpty { parts.append("starts of " + groupList(started)) }
            if let d = e.startDate { parts.append("start date \(d)") }
            if e.server != nil { parts.append("the server name") }
            if e.torVersion != nil || e.allocator != nil { parts.append("setup facts") }
            out.append(SideFileUse(path: p, kind: "experiment", gave: parts.isEmpty ? "nothing used" : parts.joined(separator: ", ")))
        }
        if let p = side.relayConfigPath, let rc = side.relayConfig {
            let groups = Set(rc.entries.map(\.group))
            let labelled = labels.sources.filter { $0.value == .relayConfig }.keys
            let names = Set(rc.entries.flatMap { [GroupMembership.normalizedFingerprint($0.fingerprint), $0.nickname] }.filter { !$0.isEmpty })
            out.append(SideFileUse(path: p, kind: "relay groups",
                                   gave: "groups of \(rc.entries.count) relay\(rc.entries.count == 1 ? "" : "s") (\(groupList(groups)))"
                                       + (labelled.isEmpty ? "" : ", labels " + groupList(labelled)),
                                   match: matched(names)))
        }
        for f in side.groupFiles?.files ?? [] {
            let listed = Set(f.relays.map { GroupMembership.normalizedFingerprint($0) })
            let label = labels.label(f.group)
            out.append(SideFileUse(path: f.path, kind: "group list",
                                   gave: "group \(f.group)" + (label == f.group ? "" : " (\(label))") + ", \(f.relays.count) relay\(f.relays.count == 1 ? "" : "s") listed",
                                   match: relays.isEmpty ? nil : .listed(seen: listed.filter(known.contains).count, of: listed.count)))
        }
        if let p = side.eventsPath, let e = side.events {
            out.append(SideFileUse(path: p, kind: "timeline", gave: "\(e.events.count) event\(e.events.count == 1 ? "" : "s") (REPORT.md timeline, chart markers)"))
        }
        if let p = side.diagnosticsPath, let d = side.diagnostics {
            out.append(SideFileUse(path: p, kind: "host diagnostics", gave: "host facts of \(d.rows.count) collection\(d.rows.count == 1 ? "" : "s")"))
        }
        if let o = side.onionoo { out += onionooUses(o, relays: relays) }
        return out
    }

    /// Onionoo's documents, one entry each: `onionoo_bandwidth.json: bandwidth history of 24 relays;
    /// matches 24 of 24 relays in the data`, `onionoo_details.json: flags and weights of 24 relays`
    /// (`, observed bandwidth (not traffic) of 3` for relays the bandwidth document lacks). A data
    /// relay matches a document that gave it something (by fingerprint, else a unique nickname).
    static func onionooUses(_ o: OnionooFacts, relays: [RelayInfo]) -> [SideFileUse] {
        let keys = relays.map { o.key(fingerprint: $0.fingerprint, nickname: $0.nickname) }
        func matched(_ gave: Set<String>) -> Match? {
            relays.isEmpty ? nil : .dataRelays(matched: keys.filter { $0.map(gave.contains) ?? false }.count, of: relays.count)
        }
        func count(_ n: Int) -> String { "\(n) relay\(n == 1 ? "" : "s")" }
        var out: [SideFileUse] = []
        if let p = o.detailsPath {
            var gave = "flags and weights of " + count(o.detailsRelays.count)
            if !o.observedRelays.isEmpty { gave += ", observed bandwidth (not traffic) of \(o.observedRelays.count)" }
            out.append(SideFileUse(path: p, kind: "Onionoo", gave: gave, match: matched(o.detailsRelays.union(o.observedRelays))))
        }
        if let p = o.bandwidthPath {
            out.append(SideFileUse(path: p, kind: "Onionoo", gave: "bandwidth history of " + count(o.historyRelays.count),
                                   match: matched(o.historyRelays)))
        }
        return out
    }

    /// `A–D` for consecutive one-letter groups, else the groups joined by commas.
    static func groupList(_ groups: some Collection<String>) -> String {
        let sorted = groups.sorted()
        let letters = sorted.compactMap { $0.count == 1 ? $0.unicodeScalars.first?.value : nil }
        if sorted.count > 2, letters.count == sorted.count, letters.last! - letters.first! == UInt32(sorted.count - 1),
           let a = sorted.first, let b = sorted.last {
            return a + "–" + b
        }
        return sorted.joined(separator: ", ")
    }
}
