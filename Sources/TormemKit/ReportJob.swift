import TormemCore
import TormemCharts

/// `tormem-charts report DIR` and `regenerate ROOT`: draw a report folder's charts into `charts/` and
/// write its README.md and REPORT.md, or (`check`) only say what would change.
public enum ReportJob {
    public struct Result: Sendable {
        public var folder: String
        public var written: [String]
        /// Charts tormem drew earlier that the current options no longer produce: removed (or, in
        /// check mode, listed in `stale`).
        public var removed: [String]
        /// `report --new`: every file copied into the new folder (source → copy).
        public var copied: [(from: String, to: String)] = []
        /// Generated sections a person edited, kept: `REPORT.md: section … was edited: kept; …`.
        public var kept: [String]
        /// What would change (check mode), one line each, paths relative to the current folder.
        public var stale: [String]
        public var skipped: [ChartPlan.Skipped]
        /// The `--json` document of the folder's run.
        public var json: String

        /// Throws `.stale` (exit 1) listing `stale` when it is not empty.
        public func requireCurrent() throws(TormemError) {
            if !stale.isEmpty { throw .stale(stale) }
        }
    }

    /// How `--check` tells a current chart from a stale one.
    public enum CheckMode: String, CaseIterable, Sendable {
        /// By the source stamp each chart keeps (`ChartSource`): data, side files, options and
        /// tormem's output version. The same verdict on every machine; nothing is drawn.
        case source
        /// By the bytes of a fresh drawing: only meaningful on the machine the charts were drawn on.
        case pixels
    }

    /// Builds everything for `folder` in memory, then writes it (or, with `check`, compares it):
    /// `settings`, `plan`, `render`, then `check` or `write`. The chart options are `options`, then
    /// the folder's `tormem.json`, then `given` (the command line's), which also updates `tormem.json`.
    /// `incremental` (regenerate without `--force`): a folder whose outputs are all current by their
    /// source stamps and sections is left as it is, nothing drawn.
    public static func run(_ folder: ReportFolder, options: ChartsRequest, given: ChartSettings = ChartSettings(),
                           check: CheckMode?, reset: Set<String> = [], incremental: Bool = false,
                           warn: (Diagnostic) -> Void = { _ in }) throws(TormemError) -> Result {
        let settings = try settings(folder, given: given)
        let plan = try plan(folder, settings: settings, options: options, warn: warn)
        if incremental && check == nil {
            let probe = try render(folder, settings: settings, plan: plan, check: .source, reset: reset, warn: warn)
            if ReportJob.check(probe.outputs).isEmpty {
                return Result(folder: folder.path, written: [], removed: [], kept: probe.kept, stale: [], skipped: plan.plan.skipped, json: plan.json)
            }
        }
        let rendered = try render(folder, settings: settings, plan: plan, check: check, reset: reset,
                                  warn: incremental && check == nil ? { _ in } : warn)
        var result = Result(folder: folder.path, written: [], removed: [], kept: rendered.kept, stale: [],
                            skipped: plan.plan.skipped, json: plan.json)
        if check != nil {
            result.stale = ReportJob.check(rendered.outputs).map(\.description)
        } else {
            (result.written, result.removed) = try write(rendered.outputs, in: folder)
        }
        return result
    }

    /// `regenerate ROOT`: `run` for every report folder under `root`; `progress` gets one line per
    /// folder. With `check`, throws `.stale` listing everything that would change.
    /// Without `check` only folders with an output out of date are drawn (by source stamps, as
    /// `--check` finds them), unless `force`.
    public static func regenerate(root: String, options: ChartsRequest, given: ChartSettings = ChartSettings(), check: CheckMode?,
                                  reset: Set<String> = [], force: Bool = false, warn: (Diagnostic) -> Void = { _ in },
                                  progress: (String) -> Void = { _ in }) throws(TormemError) {
        let paths = try folders(under: root)
        let comparisons = try comparisonFolders(under: root)
        if paths.isEmpty && comparisons.isEmpty {
            throw .input(Diagnostic(file: root, message: "no report folders (folders holding data.csv or measurements.csv)"))
        }
        var stale: [String] = []
        for path in paths {
            let result = try run(try ReportFolder(path: path), options: options, given: given, check: check, reset: reset,
                                 incremental: !force, warn: warn)
            stale += result.stale
            if check != nil {
                progress("\(path): \(result.stale.isEmpty ? "current" : "\(result.stale.count) stale")")
            } else {
                let removed = result.removed.isEmpty ? "" : ", removed \(result.removed.count) left over"
                progress("\(path): \(result.written.isEmpty ? "up to date" : "wrote \(result.written.count) files")" + removed)
                for r in result.removed { progress("removed \(r) (drawn by tormem with earlier options; not produced by the current ones)") }
            }
        }
        // Comparisons after the report folders they read; given only how their charts look.
        var look = ChartSettings()
        for key in CompareSettings.chartKeys { look[key] = given[key] }
        for path in comparisons {
            let result = try CompareJob.run(CompareRequest(folders: [], output: path, chart: look), check: check, reset: reset,
                                            incremental: !force, warn: warn)
            stale += result.stale
            if check != nil {
                progress("\(path): \(result.stale.isEmpty ? "current" : "\(result.stale.count) stale")")
            } else {
                progress("\(path): \(result.written.isEmpty ? "up to date" : "wrote \(result.written.count) files")"
                         + (result.removed.isEmpty ? "" : ", removed \(result.removed.count) left over"))
            }
        }
        if check != nil, !stale.isEmpty { throw .stale(stale) }
    }

    /// Every comparison folder directly under `root` (its `tormem.json` has `comparison`), sorted by name.
    public static func comparisonFolders(under root: String) throws(TormemError) -> [String] {
        var r = root
        while r.count > 1, r.hasSuffix("/") { r.removeLast() }
        guard let names = try? DirectoryListing.names(r) else { return [] }
        return names.map { r + "/" + $0 }.filter { !ReportFolder.isReport($0) && CompareSettings.isComparison($0) }
    }

    /// Every report folder directly under `root`, sorted by name.
    public static func folders(under root: String) throws(TormemError) -> [String] {
        var r = root
        while r.count > 1, r.hasSuffix("/") { r.removeLast() }
        let names: [String]
        do {
            names = try DirectoryListing.names(r)
        } catch {
            throw .input(Diagnostic(file: r, message: "\(error.folderReason); expected a folder of report folders (reports/)"))
        }
        return names.map { r + "/" + $0 }.filter(ReportFolder.isReport)
    }
}
