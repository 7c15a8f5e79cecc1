import TormemCore

/// Which relay is in which group, and when (SPEC §1): a data file's own `group` cells decide for
/// its rows (empty: in no group at that moment); relays without any group cell (files without a
/// group column, or collected where nothing named the groups) take their groups from
/// `groups/*.txt` and `relay_config.csv`. Each group counts only from its start
/// (`experiment.json`: `start`, else `added`, else `start_date`).
public struct GroupMembership: Sendable {
    /// One series per relay and group it belongs to, holding only the samples of that membership
    /// (`info.group` is the group). A relay listed in two groups is in both.
    public var grouped: RelayTable
    public var warnings: [Diagnostic]
    /// Pairs of group files that list the same relays.
    public var shared: [SharedRelays]

    public init(_ table: RelayTable, side: SideFiles, source: String) {
        var warnings: [Diagnostic] = []
        let listed = GroupMembership.listedGroups(side)
        var matched = Set<String>()
        var starts: [String: Int64?] = [:]
        func start(_ group: String) -> Int64? {
            if let s = starts[group] { return s }
            let s = side.experiment?.start(of: group)?.seconds
            starts[group] = s
            return s
        }
        var out: [RelaySeries] = []
        for r in table.relays {
            if r.groupSpans.contains(where: { !$0.group.isEmpty }) {
                for group in GroupMembership.groups(in: r.groupSpans) {
                    let series = r.samples(in: group, from: start(group))
                    if !series.times.isEmpty { out.append(series) }
                }
                continue
            }
            var groups: [String] = []
            for key in [GroupMembership.normalized(r.info.listedFingerprint), r.info.listedNickname] where !key.isEmpty {
                for g in listed[key] ?? [] where !groups.contains(g) { groups.append(g) }
                if listed[key] != nil { matched.insert(key) }
            }
            if let g = side.relayConfig?.group(of: r.info), !groups.contains(g) { groups.append(g) }
            for group in groups {
                let series = r.samples(in: group, from: start(group))
                if !series.times.isEmpty { out.append(series) }
            }
        }
        // One warning per pair of group files sharing relays (the relays themselves: `shared`).
        shared = side.groupFiles.map(SharedRelays.find) ?? []
        warnings += shared.map(\.diagnostic)
        let seen = Set(table.relays.flatMap { [GroupMembership.normalized($0.info.listedFingerprint), $0.info.listedNickname] })
        var unseen = Set(listed.keys).subtracting(seen)
        for e in side.relayConfig?.entries ?? [] where !seen.contains(e.nickname) && !seen.contains(GroupMembership.normalized(e.fingerprint)) {
            unseen.insert(e.nickname.isEmpty ? e.fingerprint : e.nickname)
        }
        // A name listed by fingerprint in one place and seen by nickname elsewhere is not unseen.
        unseen.subtract(matched)
        if !unseen.isEmpty, !table.relays.isEmpty {
            let names = unseen.sorted()
            let shown = MessageText.list(names, shown: 20)
            warnings.append(Diagnostic(file: side.groupFiles?.files.first?.path ?? side.relayConfigPath ?? source, message:
                "\(names.count) relay\(names.count == 1 ? " is" : "s are") named in the group files but never seen in the data: \(shown)"))
        }
        grouped = RelayTable(relays: out)
        self.warnings = warnings
    }

    /// Listed name (nickname, or normalised fingerprint) → groups, from `groups/*.txt`.
    static func listedGroups(_ side: SideFiles) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for (name, groups) in side.groupFiles?.groupsByRelay ?? [:] {
            let key = normalized(name).count == 40 ? normalized(name) : name
            for g in groups where !(out[key]?.contains(g) ?? false) { out[key, default: []].append(g) }
        }
        return out
    }

    /// A fingerprint as tor prints it: 40 upper-case hex digits, without `$` or spaces; other text as it is.
    public static func normalizedFingerprint(_ text: String) -> String { normalized(text) }

    static func normalized(_ fingerprint: String) -> String {
        let bare = fingerprint.filter { $0 != " " && $0 != "$" }.uppercased()
        return bare.count == 40 && bare.allSatisfy(\.isHexDigit) ? bare : fingerprint
    }

    /// The non-empty groups of a relay's spans, in order of first appearance.
    static func groups(in spans: [GroupSpan]) -> [String] {
        var out: [String] = []
        for s in spans where !s.group.isEmpty && !out.contains(s.group) { out.append(s.group) }
        return out
    }
}

extension RelaySeries {
    /// The samples taken while the relay was in `group` (by its own group cells when it has any),
    /// from `start` on; `info.group` set to `group`. A membership that holds every sample shares
    /// the relay's arrays (no copy of its series); otherwise its runs of samples are copied.
    func samples(in group: String, from start: Int64?) -> RelaySeries {
        var out = keeping(runs: sampleRuns(in: group, from: start))
        out.info.group = group
        out.groupSpans = []
        return out
    }

    /// The indices of the samples `samples(in:from:)` keeps, as maximal runs in order.
    private func sampleRuns(in group: String, from start: Int64?) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var runStart = -1
        var span = -1
        let hasGroupCells = groupSpans.contains { !$0.group.isEmpty }
        // Whether the current span's group is `group` (before the first span: in no group).
        var inGroup = group.isEmpty
        let n = times.count
        for i in 0..<n {
            let t = times[i]
            var keep = true
            if let start, t < start {
                keep = false
            } else if hasGroupCells {
                var moved = false
                while span + 1 < groupSpans.count, groupSpans[span + 1].from <= t { span += 1; moved = true }
                if moved { inGroup = groupSpans[span].group == group }
                keep = inGroup
            }
            if keep {
                if runStart < 0 { runStart = i }
            } else if runStart >= 0 {
                runs.append(runStart..<i)
                runStart = -1
            }
        }
        if runStart >= 0 { runs.append(runStart..<n) }
        return runs
    }
}
