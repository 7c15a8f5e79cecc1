import TormemCharts
import TormemCore
import TormemData

/// Every number a run prints, for `--json` (schema in the README): relays, servers (with the old
/// names of renamed hosts), groups, events, warnings and charts. Deterministic: the same input
/// gives the same document.
public struct RunFacts: Sendable {
    var relays: Int
    var servers: [JSONValue]
    var groups: [JSONValue]
    var events: [JSONValue]
    /// The time window (`--since`, `--until`, `--last`), null when none was given.
    var window: JSONValue
    /// Every side file used and what it gave.
    var sideFiles: [JSONValue]
    /// The memory numbers of the summary: per server and, with several, all together.
    var memory: [JSONValue]
    var allServers: JSONValue
    /// The latest RSS over relays (mean, σ, how many above mean + 2σ).
    var latest: JSONValue
    /// diagnostics.csv's host facts.
    var host: JSONValue
    var rows: JSONValue
    /// The first and last time of the data, and the period as README.md and REPORT.md write it.
    var period: JSONValue
    /// Distinct (server, timestamp) pairs, null without timestamps.
    var collections: JSONValue
    /// The groups' distinct relays and memberships (a relay in two groups is one relay, two memberships).
    var groupRelays: JSONValue
    /// Pairs of group files listing the same relays, with every relay.
    var sharedRelays: [JSONValue]
    /// The analyst's caveats (kind, groups, relays, numbers, text).
    var caveats: [JSONValue]
    /// The per-relay quantity of the groups and `latest_rss` (`--metric`); nil for RSS, the default,
    /// so that documents of RSS runs read as before the option existed.
    var metric: JSONValue?

    public init(inputs: ChartInputs) {
        let scope = inputs.scope
        relays = scope.relays
        let m = inputs.metric
        metric = m == .rss ? nil : .object([("name", .string(m.rawValue)), ("column", .string(m.column)),
                                             ("text", .string(m.name)), ("unit", .string(m.isMemory ? "GB" : "ratio"))])
        func time(_ t: Int64?) -> JSONValue { t.map { .string(Timestamp(seconds: $0).iso8601 + "Z") } ?? .null }
        servers = scope.servers.map { s in
            .object([("name", .string(s.name)), ("aliases", .array(s.aliases.map(JSONValue.string))),
                     ("relays", .int(s.relays)), ("first", time(s.first)), ("last", time(s.last)),
                     ("collections", .int(s.collections))])
        }
        period = .object([("first", time(scope.first)), ("last", time(scope.last)), ("text", .string(scope.periodText))])
        collections = scope.collections.map(JSONValue.int) ?? .null
        groupRelays = scope.groups.map { g in
            .object([("relays", .int(g.relays)), ("memberships", .int(g.memberships)),
                     ("in_several_groups", .int(g.inSeveral.values.reduce(0, +)))])
        } ?? .null
        sharedRelays = inputs.sharedRelays.map { s in
            .object([("groups", .array(s.groups.map(JSONValue.string))), ("files", .array(s.files.map(JSONValue.string))),
                     ("relays", .array(s.relays.map(JSONValue.string)))])
        }
        caveats = inputs.caveats.all.map(RunFacts.caveat)
        let analysis = inputs.groups
        // Restart fields only when some group restarted, so documents of other data read as before.
        let anyRestart = inputs.restarts.contains { $0.restarts > 0 }
        groups = (analysis?.groups ?? []).map { g in
            func date(_ group: String, _ day: Int?) -> JSONValue {
                guard let day, let table = analysis?.table else { return .null }
                guard let first = table.groupStarts[group].map({ Timestamp(seconds: $0).date }) ?? table.firstDate else { return .null }
                return .string(CivilDate(daysSinceEpoch: first.daysSinceEpoch + day).description)
            }
            let vs: JSONValue = g.vsControl.map { c in
                .object([("percent", .number(c.percent)), ("ci_low", c.low.map(JSONValue.number) ?? .null),
                         ("ci_high", c.high.map(JSONValue.number) ?? .null), ("at", .int(c.atDay)),
                         ("no_interval", .string(c.whyNoInterval))])
            } ?? .null
            return .object([("id", .string(g.group)), ("label", .string(g.label)), ("relays", .int(g.relays)),
                            ("start", date(g.group, g.startDay)), ("end", date(g.group, g.endDay)),
                            ("start_day", g.startDay.map(JSONValue.int) ?? .null), ("end_day", g.endDay.map(JSONValue.int) ?? .null),
                            ("start_mean_gb", .number(g.startMean)), ("mean_end_gb", .number(g.endMean)),
                            ("median_end_gb", .number(g.endMedian)), ("iqr_gb", .number(g.iqr)), ("sd_gb", .number(g.endSD)),
                            ("growth_gb_per_day", g.growthPerDay.map(JSONValue.number) ?? .null),
                            ("vs_control", vs), ("status", .string(g.status.rawValue)),
                            ("control", .bool(g.group == analysis?.control)),
                            ("unlike_group", .array(g.unlike.map(JSONValue.string)))]
                            + (inputs.tradeoffs?.group(g.group).map(RunFacts.tradeoff) ?? [])
                            + (anyRestart ? RunFacts.restarts(inputs.restarts.first { $0.group == g.group }) : []))
        }
        window = inputs.window.map { w in
            return .object([("from", time(w.from)), ("to", time(w.to)), ("samples_kept", .int(w.kept)), ("samples_outside", .int(w.outside))])
        } ?? .null
        let summaries = inputs.aggregate?.servers.compactMap(MemorySummary.init) ?? []
        memory = summaries.map(RunFacts.memory)
        allServers = summaries.count > 1 ? inputs.aggregate.flatMap { MemorySummary($0.combined) }.map(RunFacts.memory) ?? .null : .null
        latest = inputs.relays.isEmpty ? .null : .object([
            ("relays", .int(inputs.latest.ranked.count)), ("mean_gb", .number(inputs.latest.mean)),
            ("sd_gb", .number(inputs.latest.standardDeviation)), ("above_mean_2sd", .int(inputs.latest.outliers().count)),
        ])
        host = inputs.side.diagnostics.map { d in
            let last = d.last
            return .object([("kernels", .array(d.kernels.map(JSONValue.string))),
                            ("tor_versions", .array(d.torVersions.map(JSONValue.string))),
                            ("allocators", .array(d.allocators.map(JSONValue.string))),
                            ("mem_total_gb", .number(last.map { Memory(kib: $0.memTotalKB).gb } ?? .nan)),
                            ("mem_available_gb", .number(last.map { Memory(kib: $0.memAvailableKB).gb } ?? .nan)),
                            ("at", .string(last.map { $0.time.iso8601 + "Z" })), ("collections", .int(d.rows.count))]
                            + (inputs.headroom.map { [("headroom", RunFacts.headroom($0))] } ?? []))
        } ?? .null
        rows = .object([("read", .int(scope.rowsRead)), ("skipped", .int(scope.rowsSkipped)), ("files", .int(scope.files))])
        sideFiles = inputs.sideFiles.map { use in
            var fields: [(String, JSONValue)] = [("file", .string(use.path)), ("kind", .string(use.kind)), ("gave", .string(use.gave))]
            switch use.match {
            case .dataRelays(let m, let n)?: fields += [("relays_matched", .int(m)), ("relays_in_data", .int(n))]
            case .listed(let s, let n)?: fields += [("relays_listed", .int(n)), ("relays_in_data", .int(s))]
            case nil: break
            }
            fields.append(("matches_few", .bool(use.matchesFew)))
            return .object(fields)
        }
        events = (inputs.timeline?.events ?? []).map { e in
            .object([("timestamp", .string(e.time.iso8601 + "Z")), ("type", .string(e.type)),
                     ("description", .string(e.description)), ("group", .string(e.isForAll ? "all" : e.group))])
        }
    }

    /// A group's fields beside memory (only in runs whose data has such facts, so documents of
    /// memory-only data read as before).
    static func tradeoff(_ t: GroupTradeoff) -> [(String, JSONValue)] {
        func number(_ v: Double) -> JSONValue { v.isNaN ? .null : .number(v) }
        let vs: JSONValue = t.vsControl.map { d in
            .object([("percent", .number(d.percent)), ("ci_low", d.low.map(JSONValue.number) ?? .null),
                     ("ci_high", d.high.map(JSONValue.number) ?? .null)])
        } ?? .null
        return [("bandwidth_mbps", number(t.bandwidthMbps)),
                ("bandwidth_ci_low", t.bandwidthLow.map(JSONValue.number) ?? .null),
                ("bandwidth_ci_high", t.bandwidthHigh.map(JSONValue.number) ?? .null),
                ("bandwidth_relays", .int(t.bandwidthRelays)), ("read_mbps", number(t.readMbps)),
                ("bandwidth_vs_control", vs), ("consensus_weight", number(t.weight)),
                ("flags", .array(t.flagsHeld.map(JSONValue.string))), ("flags_relays", .int(t.flagsRelays)),
                ("flags_lost", .array(t.flagsLost.map(JSONValue.string))),
                ("allocator", t.allocator.map(JSONValue.string) ?? .null),
                ("allocator_mismatch", .array(t.allocatorMismatches.map { m in
                    .object([("relay", .string(m.name)), ("allocator", .string(m.allocator))]) }))]
    }

    /// A group's restarts seen in the data: restarts per relay, and for a group that restarts its
    /// time-weighted window mean and mean peak before a restart.
    static func restarts(_ r: GroupRestarts?) -> [(String, JSONValue)] {
        guard let r else { return [] }
        var out: [(String, JSONValue)] = [("restarts_per_relay", .number(r.restartsPerRelay))]
        if r.restarts > 0 {
            out += [("window_mean_gb", r.windowMeanGB.map(JSONValue.number) ?? .null),
                    ("mean_peak_gb", r.meanPeakBeforeRestartGB.map(JSONValue.number) ?? .null)]
        }
        return out
    }

    /// The host's room for relays of each group's kind.
    static func headroom(_ h: HostHeadroom) -> JSONValue {
        .object([("server", .string(h.server)), ("at", .string(h.time.iso8601 + "Z")),
                 ("available_gb", .number(h.availableGB)), ("relays_gb", h.relaysGB.isNaN ? .null : .number(h.relaysGB)),
                 ("relays_running", h.relaysRunning.map(JSONValue.int) ?? .null),
                 ("groups", .array(h.fits.map { f in
                     .object([("group", .string(f.group)), ("per_relay_gb", .number(f.perRelayGB)), ("figure", .string(f.figure)),
                              ("relays_fit", .int(f.relaysFit)), ("more_relays_fit", .int(f.moreFit))])
                 })), ("text", .string(h.text))])
    }

    /// One caveat: its kind, groups and relays, its named numbers and its sentence.
    static func caveat(_ c: Caveat) -> JSONValue {
        func json(_ v: Caveat.Value) -> JSONValue {
            switch v {
            case .number(let x): return x.isNaN ? .null : .number(x)
            case .int(let i): return .int(i)
            case .text(let t): return t.isEmpty ? .null : .string(t)
            case .names(let n): return .array(n.map(JSONValue.string))
            case .list(let items): return .array(items.map { .object($0.map { ($0.0, json($0.1)) }) })
            }
        }
        return .object([("kind", .string(c.kind.rawValue)), ("groups", .array(c.groups.map(JSONValue.string))),
                        ("relays", .array(c.relays.map(JSONValue.string))),
                        ("numbers", .object(c.numbers.map { ($0.0, json($0.1)) })), ("text", .string(c.text))])
    }

    /// A server's (or all servers') summary numbers, as the run summary prints them.
    static func memory(_ s: MemorySummary) -> JSONValue {
        func gb(_ kib: Double) -> JSONValue { .number(Memory(kib: kib).gb) }
        func count(_ n: Int) -> JSONValue { n >= 0 ? .int(n) : .null }
        return .object([
            ("server", .string(s.name)), ("first", .string(s.start.iso8601 + "Z")), ("last", .string(s.end.iso8601 + "Z")),
            ("data_points", .int(s.dataPoints)),
            ("relays_first", count(s.firstRelays)), ("relays_last", count(s.latestRelays)), ("relays_max", count(s.maxRelays)),
            ("total_start_gb", gb(s.startTotalKB)), ("total_end_gb", gb(s.latestTotalKB)),
            ("total_growth_percent", s.growthPercent.map(JSONValue.number) ?? .null),
            ("total_peak_gb", gb(s.peakTotalKB)), ("total_peak_at", .string(s.peakTime.iso8601 + "Z")),
            ("per_relay_start_avg_gb", gb(s.startAvgKB)), ("per_relay_avg_gb", gb(s.latestAvgKB)),
            ("per_relay_growth_percent", s.perRelayGrowthPercent.map(JSONValue.number) ?? .null),
            ("per_relay_min_gb", gb(s.latestMinKB)), ("per_relay_max_gb", gb(s.latestMaxKB)),
        ])
    }

    /// The whole document.
    public func json(warnings: [String], written: [String], skipped: [ChartPlan.Skipped]) -> JSONValue {
        .object([("relays", .int(relays))] + (metric.map { [("metric", $0)] } ?? []) + [("servers", .array(servers)), ("period", period), ("collections", collections),
                 ("groups", .array(groups)), ("caveats", .array(caveats)), ("group_relays", groupRelays), ("shared_relays", .array(sharedRelays)),
                 ("events", .array(events)), ("window", window), ("side_files", .array(sideFiles)),
                 ("memory", .array(memory)), ("all_servers", allServers), ("latest_rss", latest), ("host", host), ("rows", rows), ("warnings", .array(warnings.map(JSONValue.string))),
                 ("charts", .object([("written", .array(written.map { .string($0.split(separator: "/").last.map(String.init) ?? $0) })),
                                     ("skipped", .array(skipped.map { .object([("name", .string($0.name)), ("reason", .string($0.reason))]) }))]))])
    }
}
