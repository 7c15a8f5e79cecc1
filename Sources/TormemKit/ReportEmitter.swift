import TormemCore
import TormemData
import TormemCharts
import TormemPlot

/// Writes the Markdown of a report folder from the same analysis the charts are drawn from:
/// `README.md` and `REPORT.md`, each a template for a new file plus the bodies of its generated
/// sections (which are all that regenerating touches).
public struct ReportEmitter: Sendable {
    public struct Document: Sendable {
        /// The whole file for a folder that has none yet.
        public var template: String
        /// Generated section name → body.
        public var sections: [String: String]
        /// How sections looked in files of format 1 (`MarkedUpdate`), by name.
        public var legacy: [String: Legacy] = [:]
    }

    /// A section as format 1 wrote it.
    public struct Legacy: Sendable {
        /// The placeholder format 1 put between the markers; the text a person typed in its place
        /// is moved out of them, and the placeholder itself is replaced by `outside`.
        public var placeholder: String?
        public var outside: String?
        /// How every body tormem wrote began; one that begins otherwise was rewritten by a person.
        public var signature: String?
    }

    /// Every generated section of README.md and REPORT.md (what `--reset` takes).
    public static let sectionNames = ["title", "summary", "charts", "regenerate", "hypothesis", "draft-findings", "setup",
                                      "groups", "key-metrics", "timeline", "data-reference"]

    /// The hypothesis placeholder: outside the markers since format 2, inside them before.
    static let hypothesisPlaceholder = "_State the hypothesis: what change should do what to memory._"

    public var folderName: String
    /// How the folder is named in commands (e.g. `reports/2025-09-18-co-guard`).
    public var commandPath: String
    public var inputs: ChartInputs
    /// Charts in drawing order: file name (relative to the folder) and description.
    public var charts: [(path: String, description: String)]
    /// The dark twin of a chart (`--theme both`), by the light one's path: shown to readers whose
    /// colour scheme is dark.
    public var darkTwins: [String: String] = [:]
    public var skipped: [ChartPlan.Skipped]
    /// The folder's chart options (its `tormem.json`), shown in the regenerate command.
    public var settings: ChartSettings

    public init(folderName: String, commandPath: String, inputs: ChartInputs, charts: [(path: String, description: String)],
                skipped: [ChartPlan.Skipped], settings: ChartSettings = ChartSettings()) {
        self.folderName = folderName; self.commandPath = commandPath; self.inputs = inputs; self.charts = charts
        self.skipped = skipped; self.settings = settings
    }

    // MARK: Facts from the data

    var title: String { inputs.side.experiment?.name ?? folderName }

    /// The run's facts, as every output states them (`RunScope`).
    var scope: RunScope { inputs.scope }
    var periodText: String { scope.periodText }
    var servers: [String] { scope.serverNames }

    // MARK: README.md

    public var readme: Document {
        let sections = [
            "title": "# " + MarkdownText.escape(title),
            "summary": readmeSummary,
            "charts": chartsBody,
            "regenerate": regenerateBody,
        ]
        let template = [
            MarkedDocument.section("title", sections["title"]!), "",
            MarkedDocument.section("summary", sections["summary"]!), "",
            "## Notes", "", "_Add context here: what was changed on the relays, and when. This text is kept when the report is regenerated._", "",
            "## Charts", "",
            MarkedDocument.section("charts", sections["charts"]!), "",
            "## Regenerate", "",
            MarkedDocument.section("regenerate", sections["regenerate"]!), "",
            "See [REPORT.md](REPORT.md) for the analysis.", "",
        ].joined(separator: "\n")
        return Document(template: template, sections: sections)
    }

    var readmeSummary: String {
        var rows: [[String]] = [
            ["Period", MarkdownText.cell(periodText)],
            ["Server" + (servers.count == 1 ? "" : "s"), MarkdownText.cell(servers.joined(separator: ", "))],
            ["Relays", MarkdownText.cell(scope.relaysText)],
        ]
        for f in inputs.files {
            let name = relativeName(f.path)
            rows.append(["Data file", MarkdownText.escape(name) + ": \(f.rows) rows, \(f.format.rawValue) format" + (f.skipped > 0 ? ", \(f.skipped) skipped" : "")])
        }
        if let q = settings.query {
            // A snapshot: where its samples came from, and how to read them again.
            rows.append(["Snapshot of", MarkdownText.cell("Prometheus \(q.url)" + (q.match.map { " \($0)" } ?? ""))
                + " (`report DIR --refresh` reads it again)"])
        }
        return MarkdownText.table(["", ""], rows)
    }

    var chartsBody: String {
        var out: [String] = []
        for c in charts {
            if let dark = darkTwins[c.path] {
                out.append(MarkdownText.picture(alt: c.description, light: c.path, dark: dark))
            } else {
                out.append(MarkdownText.image(alt: c.description, path: c.path))
            }
            out.append("")
        }
        if !skipped.isEmpty {
            out.append("Not drawn for this data:")
            out.append("")
            for s in skipped { out.append("- `\(s.name)`: \(MarkdownText.escape(s.reason))") }
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n")
    }

    /// The command in a code block: the path and the folder's options (`tormem.json`, which a bare
    /// `report` or `regenerate` applies too) shell-quoted (it pastes into `sh` as it is), and the
    /// fence longer than any run of backticks in it, so no folder name can close the block.
    var regenerateBody: String {
        MarkdownText.codeBlock((["tormem-charts report", ShellWord.quote(commandPath)] + settings.arguments.map { ShellWord.quote($0, path: false) })
            .joined(separator: " "), language: "sh")
    }

    // MARK: REPORT.md

    public var report: Document {
        let sections = [
            "title": "# " + MarkdownText.escape(title) + " — report",
            "hypothesis": inputs.side.experiment?.hypothesis.map(MarkdownText.escape) ?? "",
            "setup": setupBody,
            "groups": groupsBody,
            "key-metrics": keyMetricsBody,
            "draft-findings": DraftFindings.markdown(inputs.groups, labels: inputs.labels, tradeoffs: inputs.tradeoffs,
                                                     timeline: inputs.timeline, caveats: inputs.caveats),
            "timeline": TimelineText.markdown(inputs.timeline),
            "charts": chartsBody,
            "data-reference": dataReferenceBody,
        ]
        func placeholder(_ s: String) -> String { "_\(s)_" }
        let hypothesis: [String] = sections["hypothesis"]!.isEmpty ? [ReportEmitter.hypothesisPlaceholder, ""] : []
        let head: [String] = [
            MarkedDocument.section("title", sections["title"]!), "",
            "## Executive summary", "",
            "**Problem.** " + placeholder("What was wrong (e.g. relays grow from 0.5 GB to 5 GB RSS within two days)."), "",
            "**Hypothesis.**", "",
        ]
        let template = (head + hypothesis + [
            MarkedDocument.section("hypothesis", sections["hypothesis"]!), "",
            "**Result.** " + placeholder("What the key metrics below show."), "",
            "**Recommendation.** " + placeholder("What operators should do."), "",
            MarkedDocument.section("draft-findings", sections["draft-findings"]!), "",
            "## Setup", "",
            MarkedDocument.section("setup", sections["setup"]!), "",
            "## Groups", "",
            MarkedDocument.section("groups", sections["groups"]!), "",
            "## Key metrics", "",
            MarkedDocument.section("key-metrics", sections["key-metrics"]!), "",
            "## Timeline", "",
            MarkedDocument.section("timeline", sections["timeline"]!), "",
            "## Charts", "",
            MarkedDocument.section("charts", sections["charts"]!), "",
            "## Analysis", "", placeholder("What the charts and numbers mean."), "",
            "## Root cause", "", placeholder("Why memory behaves this way."), "",
            "## Recommendations", "", placeholder("Configuration changes, with the evidence for each."), "",
            "## Next steps", "", placeholder("Follow-up experiments."), "",
            "## Data reference", "",
            MarkedDocument.section("data-reference", sections["data-reference"]!), "",
        ]).joined(separator: "\n")
        return Document(template: template, sections: sections, legacy: [
            "hypothesis": Legacy(placeholder: ReportEmitter.hypothesisPlaceholder, outside: ReportEmitter.hypothesisPlaceholder),
            "draft-findings": Legacy(signature: DraftFindings.signature),
        ])
    }

    var setupBody: String {
        let e = inputs.side.experiment
        var rows: [[String]] = [
            ["Server" + (servers.count == 1 ? "" : "s"), MarkdownText.cell(servers.joined(separator: ", "))],
            ["Period", MarkdownText.cell(periodText)],
            ["Tor version", MarkdownText.cell(e?.torVersion ?? inputs.side.diagnostics?.torVersions.joined(separator: ", ") ?? "")],
            ["Allocator", MarkdownText.cell(e?.allocator ?? inputs.side.diagnostics?.allocators.joined(separator: ", ") ?? "")],
            ["Relays", MarkdownText.cell(scope.relaysText)],
        ]
        if let g = inputs.groups { rows.append(["Groups", "\(g.groups.count)"]) }
        if let d = e?.description { rows.append(["Description", MarkdownText.cell(d)]) }
        // Host facts as the collector saw them (diagnostics.csv).
        if let d = inputs.side.diagnostics {
            if !d.kernels.isEmpty { rows.append(["Kernel" + (d.kernels.count == 1 ? "" : "s"), MarkdownText.cell(d.kernels.joined(separator: ", "))]) }
            if let l = d.last, !l.memTotalKB.isNaN {
                rows.append(["Host memory", MarkdownText.cell(gb(Memory(kib: l.memTotalKB)) + " total"
                    + (l.memAvailableKB.isNaN ? "" : ", " + gb(Memory(kib: l.memAvailableKB)) + " available") + " (\(l.time.dateTimeMinutes) UTC)")])
            }
            if !d.allocators.isEmpty { rows.append(["Allocators seen", MarkdownText.cell(d.allocators.joined(separator: ", "))]) }
        }
        if let h = inputs.headroom { rows.append(["Headroom", MarkdownText.cell(h.text)]) }
        return MarkdownText.table(["", ""], rows)
    }

    var groupsBody: String {
        guard let g = inputs.groups, !g.groups.isEmpty else { return "_No groups in the data._" }
        let rows = g.groups.map { s in
            [MarkdownText.cell(s.group), MarkdownText.cell(s.label), "\(s.relays)"]
                + [s.group == g.control ? "control" : (s.group == g.compared ? "best" : "")]
        }
        let table = MarkdownText.table(["Group", "Label", "Relays", "Role"], rows.map { r in r.map { $0.isEmpty ? "—" : $0 } },
                                       rightAligned: [2])
        guard GroupText.shared(GroupRelayCount(g.table)) != nil else { return table }
        return table + "\n\n" + MarkdownText.escape(GroupText.groupsAndRelays(g)) + ": a relay in several groups counts in each group's n."
    }

    /// The bandwidth, weight and flags cells of a group's key-metrics row (none without facts).
    func tradeoffCells(_ s: GroupStats, control: String?) -> [String] {
        guard let all = inputs.tradeoffs else { return [] }
        guard let t = all.group(s.group) else { return ["—", "—", "—", "—"] }
        let interval = TradeoffText.mbpsInterval(t.bandwidthLow, t.bandwidthHigh)
        let bandwidth = t.hasBandwidth ? TradeoffText.mbps(t.bandwidthMbps) + (interval.isEmpty ? "" : " " + interval) : "—"
        let vs = s.group == control ? "control" : (t.vsControl.map(TradeoffText.difference) ?? "—")
        let lost = t.flagsRelays == 0 ? "—" : (t.flagsLost.isEmpty ? (s.group == control ? "" : "none") : t.flagsLost.joined(separator: ", "))
        return [bandwidth, vs, TradeoffText.weight(t.weight), MarkdownText.cell(lost)]
    }

    /// What the bandwidth, weight and flags columns are.
    static let tradeoffDefinitions = [
        "bandwidth: mean bytes written per day per relay over the group's window, in Mbit/s (tor's own state-file history in the collector's written_bytes_day column, or Onionoo's write_history); interval: 95 % bootstrap of the mean over relays",
        "bandwidth vs control: difference of the mean against the control's, with a 95 % bootstrap interval over relays",
        "weight: mean consensus weight at the end of the window; flags lost: flags most of the control's relays hold and most of the group's do not",
    ]

    var keyMetricsBody: String {
        if let g = inputs.groups, !g.groups.isEmpty {
            func value(_ v: Double) -> String { g.metric.isMemory ? gb(Memory(gb: v)) : (v.isFinite ? g.metric.text(v) : "—") }
            let rows = g.groups.map { s -> [String] in
                [MarkdownText.cell(s.group), MarkdownText.cell(s.label), "\(s.relays)",
                 value(s.startMean),
                 value(s.endMean) + " / " + value(s.endMedian) + (s.endDay.map { " (day \($0))" } ?? ""),
                 s.growthPerDay.map { GroupText.growth($0, g.metric) } ?? "—",
                 s.group == g.control ? "control" : (s.vsControl.map { GroupText.percent($0.percent) + " " + GroupText.interval($0) } ?? "—"),
                 s.status.rawValue] + tradeoffCells(s, control: g.control)
            }
            var header = ["Group", "Label", "n", "Start", "End (mean / median)", "Growth", "vs control (95 % CI)", "Status"]
            var right: Set<Int> = [2, 3, 4, 5, 6]
            if inputs.tradeoffs != nil {
                header += ["Bandwidth (95 % CI)", "Bandwidth vs control", "Weight", "Flags lost"]
                right.formUnion([8, 9, 10])
            }
            var text = MarkdownText.table(header, rows, rightAligned: right)
            text += "\n\n" + GroupText.definitions.map { "- " + MarkdownText.escape($0) }.joined(separator: "\n")
            if inputs.tradeoffs != nil { text += "\n" + Self.tradeoffDefinitions.map { "- " + MarkdownText.escape($0) }.joined(separator: "\n") }
            if g.metric != .rss { text += "\n- values: " + MarkdownText.escape(g.metric.name) + " (`--metric \(g.metric.rawValue)`)" }
            text += "\n- status: " + MarkdownText.escape(g.rule.text)
            text += g.baseline.isNaN ? "\n- baseline: none (the data has no period before the change)"
                                     : "\n- baseline (mean before the change): \(value(g.baseline))"
            if let s = inputs.aggregate.flatMap({ MemorySummary($0.combined) }) {
                text += "\n\nAll relays: \(MarkdownText.escape(s.growthText))."
            }
            return text
        }
        if let a = inputs.aggregate, let s = MemorySummary(a.combined) {
            let rows: [[String]] = [
                ["Total memory at start", gb(Memory(kib: s.startTotalKB))],
                ["Total memory at end", gb(Memory(kib: s.latestTotalKB))],
                ["Growth of the total (fleet)", s.growthPercent.map(signedPercent) ?? "—"],
                ["Growth per relay (avg)", perRelayGrowth(s)],
                ["Peak total", gb(Memory(kib: s.peakTotalKB)) + " (" + s.peakTime.date.description + ")"],
                ["Per relay at end (avg)", gb(Memory(kib: s.latestAvgKB))],
                ["Relays at start / end / max", "\(s.firstRelays) / \(s.latestRelays) / \(s.maxRelays)"],
            ]
            return MarkdownText.table(["Metric", "Value"], rows, rightAligned: [1])
        }
        if let snap = inputs.snapshot {
            let total = snap.relays.reduce(0) { $0 + $1.rssGB }
            let rows: [[String]] = [["Relays running", "\(snap.relays.count)"], ["Relays not running", "\(snap.notRunning.count)"],
                                    ["Total RSS", gb(Memory(gb: total))], ["Mean RSS per relay", gb(Memory(gb: snap.relays.isEmpty ? .nan : total / Double(snap.relays.count)))]]
            return MarkdownText.table(["Metric", "Value"], rows, rightAligned: [1])
        }
        return "_No metrics: the data has no series._"
    }

    var dataReferenceBody: String {
        var rows = inputs.files.map { f in
            [MarkdownText.cell(relativeName(f.path)), f.format.rawValue, "\(f.rows)", "\(f.skipped)"]
        }
        if let p = inputs.side.experimentPath { rows.append([MarkdownText.cell(relativeName(p)), "experiment metadata", "—", "—"]) }
        if let p = inputs.side.relayConfigPath { rows.append([MarkdownText.cell(relativeName(p)), "relay groups", "\(inputs.side.relayConfig?.entries.count ?? 0)", "—"]) }
        if let p = inputs.side.eventsPath, let e = inputs.side.events {
            rows.append([MarkdownText.cell(relativeName(p)), "timeline", "\(e.events.count)", "\(e.warnings.count)"])
        }
        if let p = inputs.side.diagnosticsPath, let d = inputs.side.diagnostics {
            rows.append([MarkdownText.cell(relativeName(p)), "host diagnostics", "\(d.rows.count)", "\(d.warnings.count)"])
        }
        var text = MarkdownText.table(["File", "Kind", "Rows", "Skipped"], rows, rightAligned: [2, 3])
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let rowCount = count(scope.rowsKept, "row")
        text += "\n\nData points: " + (scope.collections.map { count($0, "collection") + " (distinct timestamps per server), " } ?? "")
        text += "\(rowCount) · relays: \(scope.relaysText) · period: \(MarkdownText.escape(periodText)). 1 GB = 1024 MiB."
        if !inputs.sideFiles.isEmpty {
            text += "\n\nSide files used:\n\n" + inputs.sideFiles.map { "- " + MarkdownText.escape(relativeUse($0)) }.joined(separator: "\n")
        }
        let quality = DataQuality(inputs: inputs).notes
        text += "\n\nData quality:" + (quality.isEmpty ? " no rows skipped, no warnings, no gaps in the collections."
            : "\n\n" + quality.map { "- " + MarkdownText.escape($0) }.joined(separator: "\n"))
        return text
    }

    /// `0.50 → 3.27 GB (+550.8%)`: what each relay grew, apart from relays being added.
    func perRelayGrowth(_ s: MemorySummary) -> String {
        guard !s.startAvgKB.isNaN, !s.latestAvgKB.isNaN else { return "—" }
        return "\(NumberFormat.gb2(Memory(kib: s.startAvgKB))) → \(gb(Memory(kib: s.latestAvgKB)))" +
            (s.perRelayGrowthPercent.map { " (" + signedPercent($0) + ")" } ?? "")
    }

    /// A side file's use, named relative to the folder.
    func relativeUse(_ use: SideFileUse) -> String {
        var u = use
        let first = inputs.files.first?.path ?? ""
        let dir = first.lastIndex(of: "/").map { String(first[..<$0]) } ?? ""
        if !dir.isEmpty, u.path.hasPrefix(dir + "/") { u.path = String(u.path.dropFirst(dir.count + 1)) }
        return u.text
    }

    func relativeName(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }
    func gb(_ m: Memory) -> String { m.isKnown ? NumberFormat.gb2(m) + " GB" : "—" }
    func signedPercent(_ p: Double) -> String { NumberFormat.signed(p, decimals: 1) + "%" }
}
