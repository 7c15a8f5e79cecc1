import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TormemCore
import TormemData
import TormemCharts
import TormemPlot
import TormemCairo

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

    /// What a run writes, and how a check describes it when it would change.
    enum Output {
        case chart
        /// README.md or REPORT.md, which the folder lacks.
        case newDocument
        case settings
        /// The generated sections that change.
        case sections([String])
    }

    /// How `--check` tells a current chart from a stale one.
    public enum CheckMode: String, CaseIterable, Sendable {
        /// By the source stamp each chart keeps (`ChartSource`): data, side files, options and
        /// tormem's output version. The same verdict on every machine; nothing is drawn.
        case source
        /// By the bytes of a fresh drawing: only meaningful on the machine the charts were drawn on.
        case pixels
    }

    /// Builds everything for `folder` in memory, then writes it (or, with `check`, compares it).
    /// The chart options are `options`, then the folder's `tormem.json`, then `given` (the command
    /// line's), which also updates `tormem.json`.
    public static func run(_ folder: ReportFolder, options: ChartsRequest, given: ChartSettings = ChartSettings(),
                           check: CheckMode?, reset: Set<String> = [], warn: (Diagnostic) -> Void = { _ in }) throws(TormemError) -> Result {
        let settingsPath = folder.path + "/" + ChartSettings.fileName
        let storedBytes = FileManager.default.contents(atPath: settingsPath).map { [UInt8]($0) }
        let stored = try storedBytes.map { bytes throws(TormemError) in try ChartSettings(json: bytes, file: settingsPath) } ?? ChartSettings()
        let settings = stored.merging(given)
        var request = options
        request.apply(settings)
        request.dataPaths = [folder.dataPath]
        request.outputDirectory = folder.chartsPath
        let (inputs, data) = try ChartsJob.load(request, warn: warn)
        let plan = request.plan(inputs)
        let source = try ChartSource(request: request, fingerprint: data.fingerprint())
        let ext = request.format.fileExtension
        let chartPaths = plan.charts.map { ChartsJob.join(folder.chartsPath, $0.name + "." + ext) }
        // Checking by source stamps draws nothing.
        let rendered = check == .source ? [] : try ChartsJob.render(plan, request: request, source: source)
        let json = ChartsSummary(inputs: inputs, written: chartPaths, skipped: plan.skipped).json
        var emitter = ReportEmitter(folderName: folder.name, commandPath: folder.commandPath, inputs: inputs,
                                    charts: plan.charts.filter { !$0.darkVariant }.map { ("charts/\($0.name).\(ext)", $0.description) },
                                    skipped: plan.skipped, settings: settings)
        for c in plan.charts where c.darkVariant {
            emitter.darkTwins["charts/\(c.name.dropLast(ChartsRequest.darkSuffix.count)).\(ext)"] = "charts/\(c.name).\(ext)"
        }
        var outputs: [(path: String, bytes: [UInt8], kind: Output)] = rendered.map { ($0.0, $0.1, .chart) }
        var stale: [String] = []
        if check == .source {
            for (chart, path) in zip(plan.charts, chartPaths) {
                guard let old = FileManager.default.contents(atPath: path) else { stale.append("\(path): missing"); continue }
                switch SourceStamp.read([UInt8](old)) {
                case nil: stale.append("\(path): no source fingerprint (drawn by an older tormem, or rewritten without its metadata)")
                case source.stamp(for: chart.name + "." + ext)?: break
                default: stale.append("\(path): drawn from other data, side files or options")
                }
            }
        }
        let leftOver = leftOverCharts(in: folder.chartsPath, keeping: Set(chartPaths))
        if !settings.isEmpty || storedBytes != nil {
            let bytes = Array(settings.json.text.utf8)
            if bytes != storedBytes { outputs.append((settingsPath, bytes, .settings)) }
        }
        var kept: [String] = []
        for (name, doc) in [("README.md", emitter.readme), ("REPORT.md", emitter.report)] {
            let path = folder.path + "/" + name
            guard let existing = FileManager.default.contents(atPath: path) else {
                outputs.append((path, Array(doc.template.utf8), .newDocument))
                continue
            }
            // Bytes, not text: prose in any encoding and CR LF line ends are kept as they are.
            let update = try MarkedUpdate(existing: [UInt8](existing), document: doc, reset: reset, file: path)
            for n in update.edited {
                let d = Diagnostic(file: path, message: MarkedUpdate.editedNote(n))
                kept.append(d.description)
                warn(d)
            }
            if update.bytes != [UInt8](existing) {
                outputs.append((path, update.bytes, .sections(update.changed + update.migrated.filter { !update.changed.contains($0) })))
            }
        }
        var written: [String] = []
        if check != nil {
            for o in outputs {
                switch o.kind {
                case .chart:
                    guard let old = FileManager.default.contents(atPath: o.path) else { stale.append("\(o.path): missing"); continue }
                    if [UInt8](old) != o.bytes { stale.append("\(o.path): would change") }
                case .newDocument:
                    stale.append("\(o.path): missing")
                case .settings:
                    stale.append("\(o.path): chart options would change (\(settings.arguments.joined(separator: " ")))")
                case .sections(let names):
                    stale.append("\(o.path): generated sections " + (names.isEmpty ? "(markers)" : names.joined(separator: ", ")) + " would change")
                }
            }
            for path in leftOver {
                stale.append("\(path): drawn by tormem but not produced by the current options (`report` removes it)")
            }
        } else {
            try refuseLink(folder.chartsPath)
            let created = try FileOutput.makeDirectory(folder.chartsPath)
            AtomicFile.removeStaleTemporaries(in: folder.chartsPath)
            AtomicFile.removeStaleTemporaries(in: folder.path)
            var files: [(path: String, bytes: [UInt8])] = []
            for o in outputs {
                if case .chart = o.kind, let old = FileManager.default.contents(atPath: o.path), [UInt8](old) == o.bytes { continue }
                files.append((o.path, o.bytes))
            }
            written = files.map(\.path)
            if let path = request.jsonPath, path != "-" { files.append((path, Array(json.utf8))) }
            // All or nothing: charts, README.md, REPORT.md and the JSON are put in place together, or
            // none is changed (and a charts folder made for them is removed again).
            do {
                try AtomicFile.writeAll(files)
            } catch {
                FileOutput.removeDirectories(created)
                throw error
            }
            // Only once the new set is in place: the charts of earlier options that it replaces.
            for path in leftOver where unlink(path) != 0 && errno != ENOENT {
                throw .output(path: path, reason: "cannot remove a chart the current options no longer draw: " + SystemError.text())
            }
        }
        return Result(folder: folder.path, written: written, removed: check == nil ? leftOver : [], kept: kept,
                      stale: stale, skipped: plan.skipped, json: json)
    }

    /// The chart files in `charts` that tormem drew (they carry its source stamp) but that are not in
    /// `keeping`: charts of earlier options (another theme, format or prefix). Files without a stamp
    /// (a person's, or made by other tools) are never counted.
    static func leftOverCharts(in charts: String, keeping: Set<String>) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: charts) else { return [] }
        var out: [String] = []
        for name in names.sorted() where [".png", ".svg", ".pdf"].contains(where: { name.hasSuffix($0) }) {
            let path = ChartsJob.join(charts, name)
            guard !keeping.contains(path), let opened = try? RegularFile.open(path) else { continue }
            close(opened.fd)
            // A chart is a few MB at most; a big file is not one of tormem's.
            guard opened.size <= 64 << 20, let bytes = FileManager.default.contents(atPath: path),
                  SourceStamp.read([UInt8](bytes)) != nil else { continue }
            out.append(path)
        }
        return out
    }

    /// `regenerate ROOT`: `run` for every report folder under `root`; `progress` gets one line per
    /// folder. With `check`, throws `.stale` listing everything that would change.
    public static func regenerate(root: String, options: ChartsRequest, given: ChartSettings = ChartSettings(), check: CheckMode?,
                                  reset: Set<String> = [], warn: (Diagnostic) -> Void = { _ in },
                                  progress: (String) -> Void = { _ in }) throws(TormemError) {
        let paths = try folders(under: root)
        if paths.isEmpty {
            throw .input(Diagnostic(file: root, message: "no report folders (folders holding data.csv or measurements.csv)"))
        }
        var stale: [String] = []
        for path in paths {
            let result = try run(try ReportFolder(path: path), options: options, given: given, check: check, reset: reset, warn: warn)
            stale += result.stale
            if check != nil {
                progress("\(path): \(result.stale.isEmpty ? "current" : "\(result.stale.count) stale")")
            } else {
                let removed = result.removed.isEmpty ? "" : ", removed \(result.removed.count) left over"
                progress("\(path): \(result.written.isEmpty ? "up to date" : "wrote \(result.written.count) files")" + removed)
                for r in result.removed { progress("removed \(r) (drawn by tormem with earlier options; not produced by the current ones)") }
            }
        }
        if check != nil, !stale.isEmpty { throw .stale(stale) }
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

    /// Creates `reportsDir/DATE-HOST-DESCRIPTION/` with a copy of `data` (and the side files next to
    /// it: experiment.json, relay_config.csv, events.csv, diagnostics.csv and the group files);
    /// fails when the folder exists. A failure leaves nothing behind.
    public static func create(reportsDir: String, name: String, host: String?, date: String?, data: String) throws(TormemError) -> ReportFolder {
        try make(reportsDir: reportsDir, name: name, host: host, date: date, data: data).folder
    }

    /// `report --new`: `create`, then `run`; when the run fails, the new folder (and the reports
    /// folder, when this made it) is removed again, so a failed `report --new` creates nothing.
    public static func createAndRun(reportsDir: String, name: String, host: String?, date: String?, data: String,
                                    options: ChartsRequest, given: ChartSettings = ChartSettings(),
                                    warn: (Diagnostic) -> Void = { _ in }) throws(TormemError) -> Result {
        let made = try make(reportsDir: reportsDir, name: name, host: host, date: date, data: data)
        do {
            var result = try run(made.folder, options: options, given: given, check: nil, warn: warn)
            result.copied = made.copied
            return result
        } catch {
            made.undo()
            throw error
        }
    }

    /// A new report folder and how to remove it again: the files copied in, then the folders made.
    struct NewFolder {
        var folder: ReportFolder
        var files: [String]
        /// Source and copy of every file copied in.
        var copied: [(from: String, to: String)] = []
        var directories: [String]

        func undo() { NewFolder.undo(files: files, directories: directories) }

        static func undo(files: [String], directories: [String]) {
            for f in files { unlink(f) }
            FileOutput.removeDirectories(directories)
        }
    }

    /// The side files `report --new` copies from the data's folder when they are there (besides the
    /// group files); `report --help` names each.
    static let copiedSideFiles = ["experiment.json", "relay_config.csv", "events.csv", "diagnostics.csv"]

    /// `--host` and `--date`, else the `server` and `start_date` of the experiment.json next to `data`.
    static func hostAndDate(host: String?, date: String?, data: String) throws(TormemError) -> (host: String, date: String) {
        if let host, let date { return (host, date) }
        let dir = (data as NSString).deletingLastPathComponent
        let json = (dir.isEmpty ? "" : dir + "/") + "experiment.json"
        let experiment = try ExperimentInfo.read(json)
        let start = experiment?.startDate.flatMap { TimestampParser.date($0) ?? TimestampParser.timestamp($0)?.date }
        guard let h = host ?? experiment?.server, let d = date ?? start?.description else {
            let missing = [host == nil && experiment?.server == nil ? "--host HOST" : nil,
                           date == nil && start == nil ? "--date YYYY-MM-DD" : nil].compactMap { $0 }
            throw .usage("--new needs " + missing.joined(separator: " and ") + " (or \(json) with " +
                         [host == nil ? "\"server\"" : nil, date == nil ? "\"start_date\"" : nil].compactMap { $0 }.joined(separator: " and ") + ")")
        }
        return (h, d)
    }

    static func make(reportsDir: String, name: String, host: String?, date: String?, data: String) throws(TormemError) -> NewFolder {
        let (host, date) = try hostAndDate(host: host, date: date, data: data)
        let folderName = try ReportFolder.conventionalName(date: date, host: host, description: name)
        let path = (reportsDir.hasSuffix("/") ? String(reportsDir.dropLast()) : reportsDir) + "/" + folderName
        var st = stat()
        if lstat(path, &st) == 0 {  // a symbolic link there (even a dangling one) exists too
            throw .output(path: path, reason: "already exists; run `tormem-charts report \(ShellWord.quote(path))` to refresh it")
        }
        // The data is copied piece by piece (any size, little memory); it must be a regular file,
        // which regenerate reads again (not standard input or a pipe).
        let opened: (fd: Int32, size: Int)
        do {
            opened = try RegularFile.open(data)
        } catch {
            throw .input(Diagnostic(file: data, message: "cannot copy the data file into the report folder: " + error.reason +
                                    (error.foundInstead == nil ? "" : " (a report folder keeps a copy of a regular data file; save the data to a file first)")))
        }
        var magic: [UInt8] = [0, 0]
        let n = magic.withUnsafeMutableBytes { pread(opened.fd, $0.baseAddress, 2, 0) }
        close(opened.fd)
        let gzip = n == 2 && magic == [0x1f, 0x8b]
        let base = (data as NSString).lastPathComponent
        let name = ReportFolder.dataNames.contains(base) && base.hasSuffix(".gz") == gzip ? base : (gzip ? "data.csv.gz" : "data.csv")
        var files: [(path: String, content: AtomicFile.Content)] = [(path + "/" + name, .copy(of: data))]
        let dir = (data as NSString).deletingLastPathComponent
        for side in copiedSideFiles {
            let from = (dir.isEmpty ? "" : dir + "/") + side
            if (try? RegularFile.open(from)).map({ close($0.fd) }) != nil { files.append((path + "/" + side, .copy(of: from))) }
        }
        // The group files, at the same place in the report (groups/group_A_mimalloc.txt).
        let groupFiles = GroupFiles.paths(of: dir)
        if let (group, file) = groupFiles.outside.first {
            let json = (dir.isEmpty ? "" : dir + "/") + "experiment.json"
            throw .input(Diagnostic(file: json, message: "group \(MessageText.quoted(group)) has relays_file \(MessageText.quoted(file)), outside the data's folder; a report folder keeps its own copy of every group file: move it into the folder (e.g. groups/group_\(group).txt) or give an absolute path"))
        }
        for relative in groupFiles.inside {
            files.append((path + "/" + relative, .copy(of: (dir.isEmpty ? "" : dir + "/") + relative)))
        }
        var directories = try FileOutput.makeDirectory(FileOutput.parentDirectory(of: path))
        // mkdir, not makeDirectory: a folder made at the same moment by another run is not ours.
        guard mkdir(path, 0o755) == 0 else {
            let reason = errno == EEXIST ? "already exists" : SystemError.text()
            FileOutput.removeDirectories(directories)
            throw .output(path: path, reason: reason)
        }
        directories.append(path)
        let paths = files.map(\.path)
        do {
            for relative in groupFiles.inside where relative.contains("/") {
                directories += try FileOutput.makeDirectory(path + "/" + FileOutput.parentDirectory(of: relative))
            }
            try AtomicFile.writeAll(files)
            let copied = files.map { f -> (from: String, to: String) in
                if case .copy(let from) = f.content { return (from, f.path) }
                return ("", f.path)
            }
            return NewFolder(folder: try ReportFolder(path: path), files: paths, copied: copied, directories: directories)
        } catch {
            NewFolder.undo(files: paths, directories: directories)
            throw error
        }
    }

    /// Refuses to write through a symbolic link at `path` (a `charts` link planted in a report
    /// folder would put the charts into another folder).
    static func refuseLink(_ path: String) throws(TormemError) {
        var st = stat()
        if lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK {
            throw .output(path: path, reason: "is a symbolic link; expected a folder (refusing to write through it)")
        }
    }
}
