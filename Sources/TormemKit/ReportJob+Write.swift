import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TormemCore

extension ReportJob {
    /// Step 4 (a run): puts `outputs` in place in `folder`, all or nothing (charts that already
    /// hold their bytes are left alone), then removes the left-over charts they replace. Returns the
    /// folder's files written and the charts removed. Every chart must have been drawn.
    public static func write(_ outputs: [Output], in folder: ReportFolder) throws(TormemError) -> (written: [String], removed: [String]) {
        try write(outputs, folder: folder.path, charts: folder.chartsPath)
    }

    /// `write` into the folder at `path` with its charts in `charts` (a report or a comparison folder).
    static func write(_ outputs: [Output], folder path: String, charts: String) throws(TormemError) -> (written: [String], removed: [String]) {
        try refuseLink(charts)
        let created = try FileOutput.makeDirectory(charts)
        AtomicFile.removeStaleTemporaries(in: charts)
        AtomicFile.removeStaleTemporaries(in: path)
        var files: [(path: String, bytes: [UInt8])] = []
        var facts: [(path: String, bytes: [UInt8])] = []
        var leftOver: [String] = []
        for o in outputs {
            switch o.kind {
            case .leftOver:
                leftOver.append(o.path)
            case .runFacts:
                facts.append((o.path, o.bytes ?? []))
            case .chart:
                guard let bytes = o.bytes else { preconditionFailure("\(o.path): a chart checked by its stamp only, never drawn, cannot be written") }
                if let old = FileManager.default.contents(atPath: o.path), [UInt8](old) == bytes { continue }
                files.append((o.path, bytes))
            case .newDocument, .settings, .sections:
                files.append((o.path, o.bytes ?? []))
            }
        }
        let written = files.map(\.path)
        // All or nothing: charts, README.md, REPORT.md and the JSON are put in place together, or
        // none is changed (and a charts folder made for them is removed again).
        do {
            try AtomicFile.writeAll(files + facts)
        } catch {
            FileOutput.removeDirectories(created)
            throw error
        }
        // Only once the new set is in place: the charts of earlier options that it replaces.
        for path in leftOver where unlink(path) != 0 && errno != ENOENT {
            throw .output(path: path, reason: "cannot remove a chart the current options no longer draw: " + SystemError.text())
        }
        return (written, leftOver)
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
