import TormemCore
/// A torrc as tor reads it: the file's lines with every `%include PATH` replaced by that file's
/// lines, or a folder's files in name order (dot files skipped), up to a few levels deep. A path
/// that cannot be read contributes nothing (the collector only reads, it never fails a relay).
public enum TorrcFile {
    /// How deep `%include` is followed (tor's own limit is similar).
    public static let maxDepth = 8

    /// The text of `path` with its includes expanded; nil when `path` itself cannot be read.
    public static func text(_ path: String) -> String? {
        guard let own = FileBytes.textIfReadable(path) else { return nil }
        return expand(own, base: directory(of: path), depth: 0)
    }

    static func expand(_ text: String, base: String, depth: Int) -> String {
        var out: [String] = []
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = raw.trimmingWhitespace
            guard line.lowercased().hasPrefix("%include"), depth < maxDepth else {
                out.append(String(raw))
                continue
            }
            var target = String(line.dropFirst("%include".count)).trimmingWhitespace
            if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]).trimmingWhitespace }
            guard !target.isEmpty else { continue }
            let path = target.hasPrefix("/") ? target : base + "/" + target
            if DirectoryListing.isDirectory(path) {
                let names = ((try? DirectoryListing.names(path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
                for name in names where !DirectoryListing.isDirectory(path + "/" + name) {
                    if let t = FileBytes.textIfReadable(path + "/" + name) { out.append(expand(t, base: path, depth: depth + 1)) }
                }
            } else if let t = FileBytes.textIfReadable(path) {
                out.append(expand(t, base: directory(of: path), depth: depth + 1))
            }
        }
        return out.joined(separator: "\n")
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
