import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TormemCore
import TormemData

extension ReportJob {
    /// Creates `reportsDir/DATE-HOST-DESCRIPTION/` with a copy of `data` (and the side files next to
    /// it: experiment.json, relay_config.csv, events.csv, diagnostics.csv and the group files);
    /// fails when the folder exists. A failure leaves nothing behind.
    public static func create(reportsDir: String, name: String, host: String?, date: String?, data: String,
                              sideFolder: String? = nil) throws(TormemError) -> ReportFolder {
        try make(reportsDir: reportsDir, name: name, host: host, date: date, data: data, sideFolder: sideFolder).folder
    }

    /// `report --new`: `create`, then `run`; when the run fails, the new folder (and the reports
    /// folder, when this made it) is removed again, so a failed `report --new` creates nothing.
    /// `sideFolder` (`--side-files DIR`): where the side files are copied from instead of `data`'s folder.
    public static func createAndRun(reportsDir: String, name: String, host: String?, date: String?, data: String,
                                    sideFolder: String? = nil, options: ChartsRequest, given: ChartSettings = ChartSettings(),
                                    warn: (Diagnostic) -> Void = { _ in }) throws(TormemError) -> Result {
        let made = try make(reportsDir: reportsDir, name: name, host: host, date: date, data: data, sideFolder: sideFolder)
        return try run(made, options: options, given: given, warn: warn)
    }

    /// `run` of a folder just made; when the run fails, the folder is removed again.
    static func run(_ made: NewFolder, options: ChartsRequest, given: ChartSettings,
                    warn: (Diagnostic) -> Void) throws(TormemError) -> Result {
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
    static let copiedSideFiles = ["experiment.json", "relay_config.csv", "events.csv", "diagnostics.csv",
                                  OnionooFacts.detailsName, OnionooFacts.bandwidthName]

    /// `--host` and `--date`, else the `server` and `start_date` of the experiment.json in `dir` (the
    /// side files' folder), else `fallback` (a snapshot's single server and first day).
    static func hostAndDate(host: String?, date: String?, dir: String?,
                            fallback: (host: String?, date: String?) = (nil, nil)) throws(TormemError) -> (host: String, date: String) {
        if let host, let date { return (host, date) }
        let json = (dir.map { $0.isEmpty ? "" : $0 + "/" } ?? "") + "experiment.json"
        let experiment = try dir.map { d throws(TormemError) in try ExperimentInfo.read(json) } ?? nil
        let start = experiment?.startDate.flatMap { TimestampParser.date($0) ?? TimestampParser.timestamp($0)?.date }
        guard let h = host ?? experiment?.server ?? fallback.host, let d = date ?? start?.description ?? fallback.date else {
            let missing = [host == nil && experiment?.server == nil ? "--host HOST" : nil,
                           date == nil && start == nil ? "--date YYYY-MM-DD" : nil].compactMap { $0 }
            throw .usage("--new needs " + missing.joined(separator: " and ") + " (or \(json) with " +
                         [host == nil ? "\"server\"" : nil, date == nil ? "\"start_date\"" : nil].compactMap { $0 }.joined(separator: " and ") + ")")
        }
        return (h, d)
    }

    static func make(reportsDir: String, name: String, host: String?, date: String?, data: String,
                     sideFolder: String? = nil) throws(TormemError) -> NewFolder {
        let dir = sideFolder ?? (data as NSString).deletingLastPathComponent
        let (host, date) = try hostAndDate(host: host, date: date, dir: dir)
        let path = try newPath(reportsDir: reportsDir, name: name, host: host, date: date)
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
        return try make(path: path, data: (name, .copy(of: data)), sideFolder: dir)
    }

    /// `reportsDir/DATE-HOST-NAME`, which must not exist yet.
    static func newPath(reportsDir: String, name: String, host: String, date: String) throws(TormemError) -> String {
        let folderName = try ReportFolder.conventionalName(date: date, host: host, description: name)
        let path = (reportsDir.hasSuffix("/") ? String(reportsDir.dropLast()) : reportsDir) + "/" + folderName
        var st = stat()
        if lstat(path, &st) == 0 {  // a symbolic link there (even a dangling one) exists too
            throw .output(path: path, reason: "already exists; run `tormem-charts report \(ShellWord.quote(path))` to refresh it")
        }
        return path
    }

    /// The folder `path` with its data file (`name` in it) and the side files of `dir` (nil: none).
    static func make(path: String, data: (name: String, content: AtomicFile.Content), sideFolder: String?) throws(TormemError) -> NewFolder {
        var files: [(path: String, content: AtomicFile.Content)] = [(path + "/" + data.name, data.content)]
        let dir = sideFolder ?? ""
        for side in copiedSideFiles where sideFolder != nil {
            let from = (dir.isEmpty ? "" : dir + "/") + side
            if (try? RegularFile.open(from)).map({ close($0.fd) }) != nil { files.append((path + "/" + side, .copy(of: from))) }
        }
        // The group files, at the same place in the report (groups/group_A_mimalloc.txt).
        let groupFiles = sideFolder == nil ? (inside: [], outside: []) : GroupFiles.paths(of: dir)
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
            let copied = files.compactMap { f -> (from: String, to: String)? in
                if case .copy(let from) = f.content { return (from, f.path) }
                return nil
            }
            return NewFolder(folder: try ReportFolder(path: path), files: paths, copied: copied, directories: directories)
        } catch {
            NewFolder.undo(files: paths, directories: directories)
            throw error
        }
    }
}
