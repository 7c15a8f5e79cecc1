import Foundation
import TormemCore

extension ReportJob {
    /// A report folder's chart options: its `tormem.json`, with the command line's on top.
    public struct FolderSettings: Sendable {
        /// The folder's `tormem.json`.
        public var path: String
        /// Its bytes as read; nil when the folder has none.
        public var stored: [UInt8]?
        /// `tormem.json`'s options with the given ones on top: what the charts are drawn with.
        public var settings: ChartSettings

        /// `tormem.json` as the run writes it; nil when it stays as it is (or, with no option at all,
        /// the folder needs none).
        var output: Output? {
            guard !settings.isEmpty || stored != nil else { return nil }
            let bytes = Array(settings.json.text.utf8)
            return bytes == stored ? nil : Output(path: path, kind: .settings(arguments: settings.arguments), bytes: bytes)
        }
    }

    /// Step 1: the folder's `tormem.json` (an input error naming it and the key when a value is not
    /// usable) merged with `given`. Options that are each fine but not together (the file's `last`
    /// with a `--since` given) are a usage error naming the file.
    public static func settings(_ folder: ReportFolder, given: ChartSettings = ChartSettings()) throws(TormemError) -> FolderSettings {
        let path = folder.path + "/" + ChartSettings.fileName
        let bytes = FileManager.default.contents(atPath: path).map { [UInt8]($0) }
        let stored = try bytes.map { b throws(TormemError) in try ChartSettings(json: b, file: path) } ?? ChartSettings()
        let merged = stored.merging(given)
        if let p = merged.problem { throw .usage("\(path) with the options given: \(p)") }
        return FolderSettings(path: path, stored: bytes, settings: merged)
    }
}
