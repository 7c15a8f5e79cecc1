#if canImport(Glibc)
import Glibc
#endif
import TormemData

/// The report folder of `collect --auto-dir`: `REPORTS/YYYY-MM-DD-HOST-DESCRIPTION/`. Host and
/// description are reduced to `[a-z0-9-]`, so the folder always sits directly inside REPORTS.
public enum ReportFolder {
    /// Longest description kept.
    public static let maxLength = 64

    /// Lower case; every run of other characters becomes one `-`; no `-` at either end; nil when
    /// nothing is left (`""`, `"../.."`).
    public static func sanitize(_ text: String) -> String? {
        var out = ""
        for c in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(c) || ("0"..."9").contains(c) {
                out.unicodeScalars.append(c)
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out += "-"
            }
        }
        if out.count > maxLength { out = String(out.prefix(maxLength)) }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? nil : out
    }

    /// The folder name for a collection: date of `time`, short host name, description.
    public static func name(time: Timestamp, host: String, description: String) throws(TormemError) -> String {
        guard let d = sanitize(description) else {
            throw .usage("--auto-dir \"\(description)\": expected a description with letters or digits, e.g. baseline or dircache-0")
        }
        let short = host.split(separator: ".").first.map(String.init) ?? host
        let h = sanitize(short) ?? "host"
        return "\(time.date)-\(h)-\(d)"
    }

    /// Creates `path` and its missing parents; an existing non-folder is an output error.
    public static func create(_ path: String) throws(TormemError) {
        if DirectoryListing.isDirectory(path) { return }
        if DirectoryListing.exists(path) { throw .output(path: path, reason: "exists and is not a folder") }
        var parent = path
        while parent.count > 1, parent.hasSuffix("/") { parent.removeLast() }
        if let slash = parent.lastIndex(of: "/"), slash != parent.startIndex {
            try create(String(parent[..<slash]))
        }
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            throw .output(path: path, reason: "cannot create the folder: \(errnoText())")
        }
    }
}
