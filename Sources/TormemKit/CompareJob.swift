import Foundation
import TormemCore
import TormemData
import TormemCharts
import TormemPlot

/// `tormem-charts compare DIR… --output DIR`: the same configurations across report folders, each
/// against its own folder's control, into a comparison folder (README.md, REPORT.md,
/// `charts/compare_effects` and `charts/compare_end_means`, `tormem.json`), all or nothing; or
/// (`check`) only what would change. `regenerate` redraws a comparison folder after its report folders.
public enum CompareJob {
    /// Raised whenever the comparison's charts or numbers are made differently from the same folders.
    public static let outputVersion = 1

    public struct Result: Sendable {
        public var folder: String
        public var written: [String]
        public var removed: [String]
        public var kept: [String]
        public var stale: [String]
        /// The `--json` document.
        public var json: String
        /// The comparison's numbers, for the summary printed.
        public var comparison: ExperimentComparison

        /// Throws `.stale` (exit 1) listing `stale` when it is not empty.
        public func requireCurrent() throws(TormemError) {
            if !stale.isEmpty { throw .stale(stale) }
        }

        /// What a run prints: each configuration's effect in each folder, then the groups not compared.
        public var summary: [String] {
            let c = comparison
            var lines = c.configurations.map { cfg in
                cfg.name + ": " + cfg.entries.map { e in
                    (e.vsControl.map { GroupText.percent($0.percent) + " " + GroupText.interval($0) } ?? "no comparison")
                        + " on " + c.experiments[e.experiment].name
                }.joined(separator: ", ")
            }
            if !c.unmatched.isEmpty {
                lines.append("not compared (in one folder only): " + c.unmatched.map { "\(c.experiments[$0.experiment].name) \(c.experiments[$0.experiment].labels.titled($0.group))" }.joined(separator: ", "))
            }
            return lines
        }
    }

    /// `incremental` (regenerate without `--force`): a comparison whose outputs are all current by
    /// their stamps and sections is left as it is, nothing drawn.
    public static func run(_ request: CompareRequest, check: ReportJob.CheckMode?, reset: Set<String> = [], incremental: Bool = false,
                           warn: (Diagnostic) -> Void = { _ in }) throws(TormemError) -> Result {
        var output = request.output
        while output.count > 1, output.hasSuffix("/") { output.removeLast() }
        let stored = try storedSettings(output)
        let settingsPath = output + "/" + ChartSettings.fileName
        // What is not given comes from tormem.json; folders there are relative to the comparison folder.
        let folderPaths: [String]
        if !request.folders.isEmpty {
            folderPaths = request.folders.map { var p = $0; while p.count > 1, p.hasSuffix("/") { p.removeLast() }; return p }
        } else if let stored {
            folderPaths = stored.settings.folders.map { $0.hasPrefix("/") ? $0 : output + "/" + $0 }
        } else {
            throw .usage("give the report folders to compare (at least two), or --output a comparison folder made earlier")
        }
        guard folderPaths.count >= 2 else { throw .usage("compare \(folderPaths[0]): expected at least two report folders") }
        let matches = request.matches.isEmpty ? stored?.settings.matches ?? [] : request.matches
        let controls = request.controls.isEmpty ? stored?.settings.controls ?? [] : request.controls
        let matchOption = request.matches.isEmpty && !matches.isEmpty ? "\(settingsPath): match" : "--match"
        let controlOption = request.controls.isEmpty && !controls.isEmpty ? "\(settingsPath): control" : "--control"
        let chart = (stored?.settings.chart ?? ChartSettings()).merging(request.chart)
        if let p = chart.problem { throw .usage("\(settingsPath) with the options given: \(p)") }

        // The folders, each analysed as its own report is; then again with a --control given for it.
        var sources: [Source] = []
        for path in folderPaths {
            let s = try load(path, control: nil, warn: warn)
            if let twice = sources.first(where: { $0.folder.absolutePath == s.folder.absolutePath }) {
                throw .usage("\(path): the same folder as \(twice.given); expected each report folder once")
            }
            sources.append(s)
        }
        let names = shortNames(sources)
        var chosen: [Int: String] = [:]
        for ref in controls {
            let i = try index(of: ref, in: sources, names: names, option: controlOption)
            if let other = chosen[i] { throw .usage("\(controlOption) \(ref): \(sources[i].folder.name) already has control \(other); expected one control per folder") }
            chosen[i] = try group(ref, in: sources[i], option: controlOption)
        }
        for (i, g) in chosen.sorted(by: { $0.key < $1.key }) where sources[i].analysis?.control != g {
            sources[i] = try load(sources[i].given, control: g, warn: { _ in })
        }
        try requireComparable(sources, names: names)

        // Matches given: each names existing groups, each folder at most once, no control, no group twice.
        var resolved: [ExperimentComparison.Match] = []
        var used: [ExperimentComparison.Member: String] = [:]
        for m in matches {
            if resolved.contains(where: { $0.name == m.name }) { throw .usage("\(matchOption) \(m.name): given twice; expected one --match per configuration") }
            var members: [ExperimentComparison.Member] = []
            for ref in m.groups {
                let i = try index(of: ref, in: sources, names: names, option: "\(matchOption) \(m.name)=")
                let g = try group(ref, in: sources[i], option: "\(matchOption) \(m.name)=")
                if members.contains(where: { $0.experiment == i }) {
                    throw .usage("\(matchOption) \(m.description): names \(sources[i].folder.name) twice; expected one group per folder")
                }
                if g == sources[i].analysis?.control {
                    throw .usage("\(matchOption) \(m.description): \(ref) is the control of \(sources[i].folder.name); each configuration is compared with it")
                }
                let member = ExperimentComparison.Member(experiment: i, group: g)
                if let other = used[member] { throw .usage("\(matchOption) \(m.description): \(ref) is already in \(other); expected each group in one configuration") }
                used[member] = m.name
                members.append(member)
            }
            resolved.append(ExperimentComparison.Match(name: m.name, members: members))
        }
        let experiments = sources.indices.map { i in
            ComparedExperiment(name: names[i], folder: sources[i].folder.name, analysis: sources[i].analysis!,
                               labels: sources[i].inputs.labels, caveats: sources[i].inputs.caveats)
        }
        let comparison = ExperimentComparison(experiments, matches: resolved)
        for a in comparison.ambiguous {
            warn(Diagnostic(file: sources[a.experiment].folder.path, message:
                "label \"\(a.label)\" names groups \(a.groups.joined(separator: ", ")): none of them is matched by it (use --match)"))
        }
        guard !comparison.configurations.isEmpty else {
            throw .usage("no configuration in common: no label names a group (not the control) in two of the folders; "
                         + "give --match NAME=FOLDER:GROUP,FOLDER:GROUP. Groups: " + groupList(sources, names: names))
        }

        let settings = CompareSettings(folders: sources.map { relativePath($0.folder.absolutePath, from: output) },
                                       matches: matches.map { m in
                                           CompareSettings.Match(name: m.name, groups: m.groups.map { ref in
                                               let i = (try? index(of: ref, in: sources, names: names, option: "")) ?? 0
                                               return CompareSettings.GroupRef(folder: sources[i].folder.name, group: ref.group)
                                           })
                                       },
                                       controls: chosen.sorted { $0.key < $1.key }.map { CompareSettings.GroupRef(folder: sources[$0.key].folder.name, group: $0.value) },
                                       chart: chart)
        if incremental && check == nil {
            let probe = try make(comparison, sources: sources, settings: settings, output: output, stored: stored?.bytes,
                                 jsonPath: request.jsonPath, check: .source, reset: reset, warn: warn)
            if ReportJob.check(probe.outputs).isEmpty {
                return Result(folder: output, written: [], removed: [], kept: probe.kept, stale: [], json: probe.json, comparison: comparison)
            }
        }
        let made = try make(comparison, sources: sources, settings: settings, output: output, stored: stored?.bytes,
                            jsonPath: request.jsonPath, check: check, reset: reset, warn: incremental && check == nil ? { _ in } : warn)
        var result = Result(folder: output, written: [], removed: [], kept: made.kept, stale: [], json: made.json, comparison: comparison)
        if check != nil {
            result.stale = ReportJob.check(made.outputs).map(\.description)
        } else {
            (result.written, result.removed) = try ReportJob.write(made.outputs, folder: output, charts: output + "/charts")
        }
        return result
    }

    /// The comparison folder's `tormem.json` (its settings and bytes), nil when the folder or the
    /// file is not there; a usage error when the folder is a report folder or holds another `tormem.json`.
    static func storedSettings(_ output: String) throws(TormemError) -> (settings: CompareSettings, bytes: [UInt8])? {
        guard DirectoryListing.exists(output) else { return nil }
        guard DirectoryListing.isDirectory(output) else { throw .usage("--output \(output): exists and is not a folder") }
        if ReportFolder.isReport(output) {
            throw .usage("--output \(output): is a report folder (it holds data); expected a new folder or a comparison folder")
        }
        let path = output + "/" + ChartSettings.fileName
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let bytes = [UInt8](data)
        guard CompareSettings.isComparison(output) else {
            throw .usage("--output \(output): its \(ChartSettings.fileName) is not a comparison's (no \"\(CompareSettings.key)\"); expected a new folder or a comparison folder")
        }
        return (try CompareSettings(json: bytes, file: path), bytes)
    }

    /// Every folder has groups and a control, and all measure the same quantity.
    static func requireComparable(_ sources: [Source], names: [String]) throws(TormemError) {
        for s in sources {
            guard let a = s.analysis, !a.groups.isEmpty else {
                throw .input(Diagnostic(file: s.folder.path, message: "no experiment groups (needs a group column, groups/*.txt, relay_config.csv or experiment data); a comparison compares groups"))
            }
            guard a.control != nil else {
                throw .input(Diagnostic(file: s.folder.path, message:
                    "no control group: no label says control, default, none or baseline; give --control \(s.folder.name):GROUP (groups: "
                    + a.groups.map { s.inputs.labels.titled($0.group) }.joined(separator: ", ") + ")"))
            }
        }
        let metrics = Set(sources.compactMap { $0.analysis?.metric.name })
        if metrics.count > 1 {
            throw .usage("the folders measure different quantities (" + sources.indices.map { "\(names[$0]): \(sources[$0].analysis!.metric.name)" }.joined(separator: ", ")
                         + "); expected one (a folder's tormem.json \"metric\")")
        }
    }

    /// `path` (absolute) relative to the folder `base` (as given): `../2025-09-18-co-guard`.
    static func relativePath(_ path: String, from base: String) -> String {
        let to = ReportFolder.components(path), from = ReportFolder.components(base)
        var common = 0
        while common < min(to.count, from.count), to[common] == from[common] { common += 1 }
        let parts = Array(repeating: "..", count: from.count - common) + to[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
