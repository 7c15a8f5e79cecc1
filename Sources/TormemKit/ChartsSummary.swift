import TormemCore
import TormemData
import TormemCharts
import TormemPlot

/// What a charts run did: files written, the data summary and the warnings, ready to print.
public struct ChartsSummary: Sendable {
    public var written: [String]
    /// Data rows read, rows skipped, and files (the loaded data itself is not kept: the report
    /// outlives it, and the series are the bulk of the memory).
    public var rowsRead: Int
    public var skippedRows: Int
    public var fileCount: Int
    /// What the rows came from when not files (`Prometheus http://…`); nil for files.
    public var readFrom: String?
    public var summaries: [MemorySummary]
    public var combined: MemorySummary?
    public var warnings: [Diagnostic]
    public var skippedCharts: [ChartPlan.Skipped]
    public var groups: GroupAnalysis?
    public var tradeoffs: TradeoffAnalysis?
    /// The analyst's caveats, printed under the group each concerns first.
    public var caveats: Caveats
    public var relayStats: RelayStatistics?
    /// The run's facts (relays, servers, period, collections, rows), as every output states them.
    public var scope: RunScope
    /// The numbers of `--json`.
    public var facts: RunFacts
    /// Hosts that collected under two names.
    public var renames: [ServerRename]
    /// The experiment's timeline (`events.csv`) and host facts (`diagnostics.csv`), when present.
    public var events: [ExperimentEvent]
    public var diagnostics: DiagnosticsLog?
    public var headroom: HostHeadroom?
    /// The time window the data was cut to, when one was given.
    public var window: TimeWindow.Applied?
    /// Every side file used, with what it gave.
    public var sideFiles: [SideFileUse]

    public init(inputs: ChartInputs, written: [String], skipped: [ChartPlan.Skipped]) {
        self.written = written
        rowsRead = inputs.scope.rowsRead
        skippedRows = inputs.scope.rowsSkipped
        fileCount = inputs.scope.files
        summaries = inputs.aggregate?.servers.compactMap(MemorySummary.init) ?? []
        combined = (inputs.aggregate?.servers.count ?? 0) > 1 ? inputs.aggregate.flatMap { MemorySummary($0.combined) } : nil
        warnings = inputs.allWarnings
        facts = RunFacts(inputs: inputs)
        renames = inputs.renames
        skippedCharts = skipped
        groups = inputs.groups
        tradeoffs = inputs.tradeoffs
        caveats = inputs.caveats
        scope = inputs.scope
        relayStats = inputs.relays.isEmpty ? nil : inputs.latest
        events = inputs.timeline?.events ?? []
        diagnostics = inputs.side.diagnostics
        headroom = inputs.headroom
        window = inputs.window
        sideFiles = inputs.sideFiles
    }

    /// The short summary printed after drawing.
    public var text: String {
        var out: [String] = []
        if let w = window { out.append("time window  " + w.text) }
        func describe(_ s: MemorySummary, indent: String) {
            let daily = s.start.secondOfDay == 0 && s.end.secondOfDay == 0
            func when(_ t: Timestamp) -> String { daily ? t.date.description : t.dateTimeMinutes }
            let days = Double(s.end.seconds - s.start.seconds) / 86_400
            out.append("\(indent)period       \(when(s.start)) → \(when(s.end)) (\(NumberFormat.fixed(days, decimals: days < 10 ? 1 : 0)) days)")
            out.append("\(indent)data points  \(s.dataPoints)")
            if s.latestRelays >= 0 {
                out.append("\(indent)relays       \(s.firstRelays) → \(s.latestRelays) (max \(s.maxRelays))")
            }
            let growth = s.growthPercent.map { " (\($0 >= 0 ? "+" : "")\(NumberFormat.fixed($0, decimals: 1))%)" } ?? ""
            out.append("\(indent)total        \(gb(Memory(kib: s.startTotalKB))) → \(gb(Memory(kib: s.latestTotalKB)))\(growth); peak \(gb(Memory(kib: s.peakTotalKB))) on \(when(s.peakTime))")
            out.append("\(indent)growth       \(s.growthText)")
            var per = "avg \(gb(Memory(kib: s.latestAvgKB)))"
            if !s.latestMinKB.isNaN { per += " · min \(gb(Memory(kib: s.latestMinKB)))" }
            if !s.latestMaxKB.isNaN { per += " · max \(gb(Memory(kib: s.latestMaxKB)))" }
            out.append("\(indent)per relay    \(per) (latest)")
        }
        if summaries.isEmpty {
            // No aggregate series: the group and relay lines below say it all.
        } else if summaries.count == 1 {
            out.append("\(summaries[0].name):")
            describe(summaries[0], indent: "  ")
        } else {
            for s in summaries {
                out.append("\(s.name):")
                describe(s, indent: "  ")
            }
            if let c = combined {
                out.append("all \(summaries.count) servers:")
                describe(c, indent: "  ")
            }
        }
        if let g = groups {
            let of = g.metric == .rss ? "" : g.metric.name + "; "
            let unit = g.metric.isMemory ? " GB" : "×"
            out.append(g.baseline.isNaN ? "groups (\(of)no period before the change, so no baseline):"
                                        : "groups (\(of)baseline \(NumberFormat.fixed(g.baseline, decimals: 2))\(unit) = mean before the change):")
            let width = g.groups.map { $0.group.count }.max() ?? 1
            for s in g.groups {
                var parts = ["n = \(s.relays)".padding(7),
                             "\(NumberFormat.fixed(s.startMean, decimals: 2)) → \(NumberFormat.fixed(s.endMean, decimals: 2))\(unit) (median \(NumberFormat.fixed(s.endMedian, decimals: 2)))"]
                if let growth = s.growthPerDay { parts.append(GroupText.growth(growth, g.metric)) }
                if s.group == g.control {
                    parts.append("control")
                } else if let c = s.vsControl {
                    parts.append(GroupText.vsControl(c))
                }
                parts.append(s.status.rawValue + (s.group == g.compared ? ", best" : ""))
                parts.append(s.label)
                out.append("  \(s.group.padding(width))  " + parts.joined(separator: "  "))
                if let t = tradeoffs?.group(s.group), let line = Self.tradeoffLine(t, isControl: s.group == g.control) {
                    out.append("  \("".padding(width))  " + line)
                }
                for c in caveats.about(s.group) { out.append("  \("".padding(width))  caveat: " + c.text) }
            }
            out.append("  status: " + g.rule.text)
        }
        if let r = relayStats {
            let unit = r.metric.isMemory ? " GB" : "×"
            out.append("relays       \(scope.relaysText); latest \(r.metric.shortName) mean \(NumberFormat.fixed(r.mean, decimals: 2))\(unit), σ \(NumberFormat.fixed(r.standardDeviation, decimals: 2))\(unit); \(r.outliers().count) above mean + 2σ")
        } else if scope.relays > 0, summaries.isEmpty {
            out.append("relays       \(scope.relaysText)")
        }
        for r in renames {
            out.append("renamed host \(r.old) → \(r.new): one server (" + (r.forced ? "--server-alias" : "time ranges apart, the same relays") + "; --keep-servers keeps them apart)")
        }
        if let d = diagnostics { out.append("host         \(d.summaryText)") }
        if let h = headroom { out.append("headroom     " + h.text) }
        if !events.isEmpty {
            out.append("events       \(events.count)")
            out += TimelineText.summaryLines(events)
        }
        for use in sideFiles { out.append("side file    " + use.text) }
        out.append("rows read    \(scope.rowsRead) from " + (readFrom ?? "\(scope.files) file\(scope.files == 1 ? "" : "s")") +
                   (scope.rowsSkipped > 0 ? ", \(scope.rowsSkipped) skipped (see warnings)" : ""))
        for w in written { out.append("wrote \(w)") }
        for k in skippedCharts { out.append("skipped \(k.name): \(k.reason)") }
        return out.joined(separator: "\n")
    }

    func gb(_ m: Memory) -> String { m.isKnown ? NumberFormat.gb2(m) + " GB" : "–" }

    /// The `--json` document of this run.
    public var json: String {
        facts.json(warnings: warnings.map(\.description), written: written, skipped: skippedCharts).text
    }

    /// `bandwidth 30.0 Mbit/s (28.7 … 31.3), vs control −25 % (−30 … −20); weight 12,000; flags lost: Guard, V2Dir; allocator jemalloc`.
    static func tradeoffLine(_ t: GroupTradeoff, isControl: Bool) -> String? {
        var parts: [String] = []
        if t.hasBandwidth {
            let interval = TradeoffText.mbpsInterval(t.bandwidthLow, t.bandwidthHigh)
            parts.append("bandwidth " + TradeoffText.mbps(t.bandwidthMbps) + (interval.isEmpty ? "" : " " + interval)
                         + (t.vsControl.map { ", vs control " + TradeoffText.difference($0) } ?? ""))
        }
        if t.weight.isFinite { parts.append("weight " + TradeoffText.weight(t.weight)) }
        if t.flagsRelays > 0, !isControl { parts.append(t.flagsLost.isEmpty ? "no flag lost" : "flags lost: " + t.flagsLost.joined(separator: ", ")) }
        if let a = t.allocator { parts.append("allocator " + a + (t.allocatorMismatches.isEmpty ? "" : " (\(t.allocatorMismatches.count) other)")) }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}

extension String {
    func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
