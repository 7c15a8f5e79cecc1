import TormemCore
import TormemData

/// The Markdown of a comparison folder, from the same `ExperimentComparison` its charts are drawn
/// from: README.md (the folders, the charts, the command) and REPORT.md (draft findings, every
/// configuration's numbers against each folder's own control, the controls, what was not matched,
/// the folders' caveats about what is compared). Regenerating touches only the marked sections.
public struct CompareEmitter: Sendable {
    var comparison: ExperimentComparison
    var folders: [ReportFolder]
    var scopes: [RunScope]
    var settings: CompareSettings
    /// The comparison folder, as given.
    var output: String
    var charts: [(path: String, description: String)]
    var darkTwins: [String: String] = [:]

    /// Every generated section of a comparison's README.md and REPORT.md (what `--reset` takes).
    public static let sectionNames = ["title", "summary", "charts", "regenerate", "draft-findings", "experiments", "configurations",
                               "unmatched", "caveats", "definitions"]

    var metric: Metric { comparison.metric }
    func name(_ i: Int) -> String { comparison.experiments[i].name }
    func value(_ v: Double) -> String { v.isFinite ? metric.text(v) : "no value" }

    var title: String {
        if case .text(let t)? = settings.chart[.title] { return t }
        let names = comparison.configurations.map(\.name)
        let shown = names.prefix(4).joined(separator: ", ") + (names.count > 4 ? " and \(names.count - 4) more" : "")
        return "Comparison: \(shown) across " + comparison.experiments.map(\.name).joined(separator: ", ")
    }

    // MARK: README.md

    var readme: ReportEmitter.Document {
        let sections = ["title": "# " + MarkdownText.escape(title), "summary": summaryBody, "charts": chartsBody,
                        "regenerate": regenerateBody]
        let template = [
            MarkedDocument.section("title", sections["title"]!), "",
            MarkedDocument.section("summary", sections["summary"]!), "",
            "## Notes", "", "_Why these experiments are compared, and what differs between their hosts. This text is kept when the comparison is regenerated._", "",
            "## Charts", "",
            MarkedDocument.section("charts", sections["charts"]!), "",
            "## Regenerate", "",
            MarkedDocument.section("regenerate", sections["regenerate"]!), "",
            "See [REPORT.md](REPORT.md) for the numbers.", "",
        ].joined(separator: "\n")
        return ReportEmitter.Document(template: template, sections: sections)
    }

    /// One row per folder: how it is shown, its period, relays and control.
    var summaryBody: String {
        let rows = folders.indices.map { i -> [String] in
            let link = settings.folders[i] + "/README.md"
            let control = comparison.controls[i].map { MarkdownText.escape($0.title) } ?? "—"
            return [MarkdownText.escape(name(i)), "[\(MarkdownText.escape(folders[i].name))](\(MarkdownText.link(link)))",
                    MarkdownText.cell(scopes[i].periodText), MarkdownText.cell(scopes[i].relaysText), control]
        }
        let configs = comparison.configurations.count
        return MarkdownText.table(["Experiment", "Report folder", "Period", "Relays", "Control"], rows) + "\n\n"
            + "\(configs) configuration\(configs == 1 ? "" : "s") compared, each against its own folder's control."
    }

    var chartsBody: String {
        charts.map { c in
            darkTwins[c.path].map { MarkdownText.picture(alt: c.description, light: c.path, dark: $0) }
                ?? MarkdownText.image(alt: c.description, path: c.path)
        }.joined(separator: "\n\n")
    }

    /// The comparison folder's path as commands name it (its parent's name and its own).
    var commandPath: String { ReportFolder.components(output).suffix(2).joined(separator: "/") }

    var regenerateBody: String {
        let words = ["tormem-charts", "compare"] + folders.map { ShellWord.quote($0.commandPath) } + ["--output", ShellWord.quote(commandPath)]
            + settings.arguments.map { ShellWord.quote($0, path: false) }
        return MarkdownText.codeBlock(words.joined(separator: " "), language: "sh") + "\n\n"
            + "`tormem-charts regenerate \(MarkdownText.escape(ReportFolder.components(output).dropLast().suffix(1).joined()))` "
            + "redraws it after the report folders it reads (its `tormem.json` keeps the folders and options)."
    }

    // MARK: REPORT.md

    var report: ReportEmitter.Document {
        let sections = [
            "title": "# " + MarkdownText.escape(title) + " — report",
            "draft-findings": draftFindings,
            "experiments": experimentsBody,
            "configurations": configurationsBody,
            "unmatched": unmatchedBody,
            "caveats": caveatsBody,
            "charts": chartsBody,
            "definitions": definitionsBody,
        ]
        func placeholder(_ s: String) -> String { "_\(s)_" }
        let template = [
            MarkedDocument.section("title", sections["title"]!), "",
            "## Summary", "",
            "**Question.** " + placeholder("What the experiments have in common, and what repeating them should show."), "",
            "**Result.** " + placeholder("Whether the effects hold across the hosts."), "",
            MarkedDocument.section("draft-findings", sections["draft-findings"]!), "",
            "## Experiments", "",
            MarkedDocument.section("experiments", sections["experiments"]!), "",
            "## Configurations", "",
            MarkedDocument.section("configurations", sections["configurations"]!), "",
            "## Not compared", "",
            MarkedDocument.section("unmatched", sections["unmatched"]!), "",
            "## Caveats", "",
            MarkedDocument.section("caveats", sections["caveats"]!), "",
            "## Charts", "",
            MarkedDocument.section("charts", sections["charts"]!), "",
            "## Analysis", "", placeholder("Why the effects agree or differ between the hosts."), "",
            "## Definitions", "",
            MarkedDocument.section("definitions", sections["definitions"]!), "",
        ].joined(separator: "\n")
        return ReportEmitter.Document(template: template, sections: sections, legacy: ["draft-findings": ReportEmitter.Legacy(signature: DraftFindings.signature)])
    }

    var experimentsBody: String {
        let rows = folders.indices.map { i -> [String] in
            let c = comparison.controls[i]
            return [MarkdownText.escape(name(i)), MarkdownText.escape(folders[i].name), MarkdownText.cell(scopes[i].periodText),
                    c.map { MarkdownText.escape($0.title) } ?? "—", c.map { "\($0.relays)" } ?? "",
                    c?.windowDays.map { "\($0) days" } ?? "", c.map { value($0.endMean) } ?? ""]
        }
        return MarkdownText.table(["Experiment", "Report folder", "Period", "Control", "n", "Window", "Control end mean"], rows,
                                  rightAligned: [4, 5, 6])
    }

    var configurationsBody: String {
        var rows: [[String]] = []
        for cfg in comparison.configurations {
            for e in cfg.entries {
                let control = comparison.controls[e.experiment]
                rows.append([MarkdownText.escape(cfg.name), MarkdownText.escape(name(e.experiment)), MarkdownText.escape(e.title), "\(e.relays)",
                             e.windowDays.map { "\($0) days" } ?? "", value(e.endMean), control.map { value($0.endMean) } ?? "",
                             e.vsControl.map { GroupText.percent($0.percent) + " " + GroupText.interval($0) } ?? "no comparison",
                             e.vsControl.map { "\($0.atDay)" } ?? ""])
            }
        }
        return MarkdownText.table(["Configuration", "Experiment", "Group", "n", "Window", "End mean", "Own control's end", "vs own control (95 % CI)", "Day"],
                                  rows, rightAligned: [3, 4, 5, 6, 7, 8])
            + "\n\n" + comparison.configurations.map { cfg in
                "- \(MarkdownText.escape(cfg.name)): matched " + (cfg.byOption ? "by `--match`" : "by the label text in every folder")
            }.joined(separator: "\n")
    }

    var unmatchedBody: String {
        var lines: [String] = []
        for i in comparison.experiments.indices {
            let groups = comparison.unmatched.filter { $0.experiment == i }
            guard !groups.isEmpty else { continue }
            lines.append("- \(MarkdownText.escape(name(i))): " + groups.map { MarkdownText.escape(comparison.experiments[i].labels.titled($0.group)) }.joined(separator: ", "))
        }
        for a in comparison.ambiguous {
            lines.append("- \(MarkdownText.escape(name(a.experiment))): label “\(MarkdownText.escape(a.label))” names groups \(a.groups.joined(separator: ", ")), so it matches none of them")
        }
        if lines.isEmpty { return "Every group but the controls is in a configuration compared." }
        return "Groups no other folder has under the same label (case and punctuation ignored; a group ID alone never matches). "
            + "`--match NAME=FOLDER:GROUP,FOLDER:GROUP` names them as one configuration:\n\n" + lines.joined(separator: "\n")
    }

    /// Each folder's caveats about the groups compared and its control.
    var caveatsBody: String {
        var lines: [String] = []
        for i in comparison.experiments.indices {
            for c in caveats(i) {
                lines.append("- \(MarkdownText.escape(name(i))) (\(c.kind.rawValue.replacingOccurrences(of: "_", with: " "))): " + MarkdownText.escape(c.text) + ".")
            }
        }
        return lines.isEmpty ? "The folders' reports raise no caveat about the groups compared or their controls." : lines.joined(separator: "\n")
    }

    var definitionsBody: String {
        [
            "- vs own control: the difference of the group's mean \(metric.name) against its own folder's control at the latest day both have data (days since each group's start), with a 95 % bootstrap interval over relays (\(GroupAnalysis.resamples / 1000),000 resamples): the numbers of each folder's own report.",
            "- end mean: the group's mean on its last day with data; window: its days with data, the first and the last counted.",
            "- matching: groups are one configuration when `--match` says so, or when their labels read the same with case and punctuation ignored; a group ID (A, B, …) alone never matches, as the same letter is another configuration in another experiment.",
            "- Absolute values differ between hosts with other kernels, tor versions and loads: compare the effects; the end means are shown so the difference can be seen.",
        ].joined(separator: "\n")
    }

    // MARK: Draft findings

    var draftFindings: String {
        var lines = comparison.configurations.map(finding)
        let ends = comparison.controls.compactMap { $0 }.map(\.endMean).filter(\.isFinite)
        if let lo = ends.min(), let hi = ends.max(), lo > 0, hi / lo - 1 > 0.2 {
            let list = comparison.controls.enumerated().compactMap { i, c in c.map { "\(value($0.endMean)) on \(name(i))" } }
            lines.append("The controls end at " + list.joined(separator: ", ") + ": absolute values do not carry over between these hosts; the effects are what compare.")
        }
        let notCompared = comparison.unmatched.count
        if notCompared > 0 {
            lines.append("\(notCompared) group\(notCompared == 1 ? " is" : "s are") in one folder only and not compared (see Not compared).")
        }
        var counts: [(Int, Int)] = []
        for i in comparison.experiments.indices {
            let n = caveatCount(i)
            if n > 0 { counts.append((i, n)) }
        }
        if !counts.isEmpty {
            lines.append("The folders' reports have caveats about what is compared: " + counts.map { "\(name($0.0)) \($0.1)" }.joined(separator: ", ") + " (see Caveats).")
        }
        return DraftFindings.signature + " from the numbers; rewrite them before publishing, or delete the two marker lines around them to make them yours):\n>\n"
            + lines.map { "> - " + $0 }.joined(separator: "\n")
    }

    func caveatCount(_ i: Int) -> Int { caveats(i).count }

    /// The caveats of experiment `i` about a group it compares or its control (their first group).
    func caveats(_ i: Int) -> [Caveat] {
        let e = comparison.experiments[i]
        let compared = Set(comparison.configurations.flatMap { $0.entries.filter { $0.experiment == i }.map(\.group) } + [e.analysis.control].compactMap { $0 })
        return e.caveats.all.filter { $0.groups.first.map(compared.contains) ?? false }
    }

    /// `jemalloc: −70 % (−71 … −69) against its own control on relayhost, −65 % (−70 … −60) on edgehost; lower in both; the intervals overlap.`
    func finding(_ cfg: ExperimentComparison.Configuration) -> String {
        var parts: [String] = []
        for (k, e) in cfg.entries.enumerated() {
            if let v = e.vsControl {
                parts.append(GroupText.percent(v.percent) + " " + GroupText.interval(v) + (k == 0 ? " against its own control" : "") + " on " + MarkdownText.escape(name(e.experiment)))
            } else {
                parts.append("no comparison on \(MarkdownText.escape(name(e.experiment))) (it and the control share no day)")
            }
        }
        var text = MarkdownText.escape(cfg.name) + ": " + parts.joined(separator: ", ")
        let every = cfg.entries.count == 2 ? "in both" : "in all \(cfg.entries.count)"
        switch cfg.agrees {
        case true?:
            text += "; " + ((cfg.entries.first?.vsControl?.percent ?? 0) < 0 ? "lower" : "higher") + " than its own control \(every)"
        case false?:
            let neutral = cfg.entries.filter { e in e.vsControl.map { ($0.low ?? 0) <= 0 && ($0.high ?? 0) >= 0 } ?? false }
            let signs = Set(cfg.entries.compactMap { $0.vsControl?.percent }.map { $0 < 0 })
            if !neutral.isEmpty {
                text += "; the interval includes no difference on " + neutral.map { MarkdownText.escape(name($0.experiment)) }.joined(separator: ", ")
            }
            if signs.count > 1 { text += "; the direction differs between the experiments" }
        case nil:
            break
        }
        if let overlap = cfg.intervalsOverlap {
            text += overlap ? "; the intervals overlap" : "; the intervals do not overlap: how large the effect is differs between the experiments"
        }
        let windows = cfg.entries.compactMap(\.windowDays)
        if let lo = windows.min(), let hi = windows.max(), lo > 0, Double(hi) / Double(lo) - 1 > 0.2 {
            text += "; their windows differ (" + cfg.entries.compactMap { e in e.windowDays.map { "\($0) days on \(MarkdownText.escape(name(e.experiment)))" } }.joined(separator: ", ") + ")"
        }
        return text + "."
    }
}
