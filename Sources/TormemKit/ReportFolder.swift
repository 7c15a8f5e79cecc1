import Foundation
import TormemCore
import TormemData

/// A report folder: `reports/YYYY-MM-DD-host-description/` with its data file(s), side files,
/// `charts/`, `README.md` and `REPORT.md`.
public struct ReportFolder: Sendable {
    /// Data file names looked for, in order.
    /// The data file of a report folder, in the order looked for: plain, then gzip-compressed.
    public static let dataNames = ["data.csv", "measurements.csv", "memory_measurements.csv", "memory.csv",
                                   "data.csv.gz", "measurements.csv.gz", "memory_measurements.csv.gz", "memory.csv.gz"]

    public var path: String
    public var dataPath: String

    /// The folder's absolute path with `.` and `..` resolved, so that what is generated from the
    /// folder's name does not depend on how the path was spelled (`.`, `reports/X/`, `./X`).
    public var absolutePath: String

    public var name: String { ReportFolder.components(absolutePath).last ?? "/" }
    public var chartsPath: String { path + "/charts" }

    /// How commands name the folder: its parent folder's name and its own (`reports/NAME`).
    public var commandPath: String {
        let parts = ReportFolder.components(absolutePath)
        return parts.suffix(2).joined(separator: "/")
    }

    /// The components of `path` made absolute against the current folder, `.` and `..` resolved.
    static func components(_ path: String) -> [String] {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [String] = []
        for c in full.split(separator: "/", omittingEmptySubsequences: true) {
            if c == "." { continue }
            if c == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(String(c))
        }
        return parts
    }

    /// The folder at `path`, with `data` or the first conventional data file in it.
    public init(path: String, data: String? = nil) throws(TormemError) {
        var p = path
        while p.count > 1, p.hasSuffix("/") { p.removeLast() }
        guard DirectoryListing.isDirectory(p) else {
            let reason = DirectoryListing.exists(p) ? "not a folder" : "no such folder"
            throw .input(Diagnostic(file: p, message: "\(reason); expected a report folder (reports/YYYY-MM-DD-host-description/)"))
        }
        self.path = p
        absolutePath = "/" + ReportFolder.components(p).joined(separator: "/")
        if let data {
            dataPath = data
        } else if let found = ReportFolder.dataNames.map({ p + "/" + $0 }).first(where: { FileManager.default.fileExists(atPath: $0) }) {
            dataPath = found
        } else if CompareSettings.isComparison(p) {
            throw .input(Diagnostic(file: p, message: "is a comparison folder (its tormem.json has \"\(CompareSettings.key)\"): redraw it with `tormem-charts compare --output \(p)` or `regenerate`"))
        } else {
            throw .input(Diagnostic(file: p, message: "no data file: expected one of " + ReportFolder.dataNames.joined(separator: ", ") + ", or --data FILE"))
        }
    }

    /// Whether `path` looks like a report folder (holds a conventional data file).
    public static func isReport(_ path: String) -> Bool {
        dataNames.contains { FileManager.default.fileExists(atPath: path + "/" + $0) }
    }

    /// `YYYY-MM-DD-host-description` by the one naming rule (`ReportFolderName`), with messages
    /// naming the option that needs a fix.
    public static func conventionalName(date: String, host: String, description: String) throws(TormemError) -> String {
        guard let d = TimestampParser.date(date), d.description == date else {
            throw .usage("--date \(date): expected a date like 2025-09-18")
        }
        guard !ReportFolderName.host(host).isEmpty else {
            throw .usage("--host \(host): expected a host name of letters, digits or dashes")
        }
        guard let name = ReportFolderName.make(date: d, host: host, description: description) else {
            throw .usage("--new \(description): expected a description of letters, digits or dashes")
        }
        return name
    }
}
