import TormemCore

/// `groups/group_<ID>_<label>.txt` next to the data: one group per file, one nickname or
/// fingerprint per line (`#` starts a comment). The group ID is the file stem without `group_`
/// (`group_B_mimalloc209.txt` → `B_mimalloc209`).
public struct GroupFiles: Equatable, Sendable {
    public struct File: Equatable, Sendable {
        public var group: String
        public var path: String
        /// Nicknames and fingerprints, as listed.
        public var relays: [String]
        /// The line of each relay in the file (1-based), when read from one.
        public var lines: [Int] = []
    }

    public var files: [File]

    public init(files: [File] = []) { self.files = files }

    /// The group ID of a file name (nil for names that are not `group_<ID>.txt`).
    public static func group(ofFileNamed name: String) -> String? {
        guard name.hasPrefix("group_"), name.hasSuffix(".txt") else { return nil }
        let id = String(name.dropFirst("group_".count).dropLast(".txt".count))
        return id.isEmpty ? nil : id
    }

    /// The relays of one file: lines without comments and blanks.
    public static func relays(in text: String) -> [String] { entries(in: text).map(\.relay) }

    /// The relays of one file with their line numbers (1-based).
    public static func entries(in text: String) -> [(line: Int, relay: String)] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated().compactMap { i, line in
            let bare = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let token = bare.drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed()
            return token.isEmpty ? nil : (i + 1, String(token))
        }
    }

    /// A file read from `path`, its relays with their lines.
    static func file(group: String, path: String, bytes: [UInt8]) -> File {
        let e = entries(in: String(decoding: bytes, as: UTF8.self))
        return File(group: group, path: path, relays: e.map(\.relay), lines: e.map(\.line))
    }

    /// Every `group_*.txt` in `folder` (sorted), and for groups of `experiment` with a `relays_file`,
    /// that file (relative to `base`) instead. Nil when there is neither.
    public static func load(folder: String, base: String, experiment: ExperimentInfo?) throws(TormemError) -> GroupFiles? {
        var files: [File] = []
        var picked: [String: String] = [:]   // path -> group, from relays_file
        for (group, g) in experiment?.groups ?? [:] {
            if let f = g.relaysFile { picked[f.hasPrefix("/") ? f : (base.isEmpty ? f : base + "/" + f)] = group }
        }
        let names = (try? DirectoryListing.names(folder)) ?? []
        var seen = Set<String>()
        for name in names {
            guard let group = group(ofFileNamed: name) else { continue }
            let path = folder + "/" + name
            if picked[path] != nil { continue }
            guard let bytes = try SideFileReader.contents(of: path) else { continue }
            files.append(file(group: group, path: path, bytes: bytes))
            seen.insert(path)
        }
        for (path, group) in picked.sorted(by: { $0.key < $1.key }) {
            guard let bytes = try SideFileReader.contents(of: path) else {
                throw .input(Diagnostic(file: path, message: "no such file: experiment.json names it as the relays_file of group \(group)"))
            }
            files.append(file(group: group, path: path, bytes: bytes))
        }
        return files.isEmpty ? nil : GroupFiles(files: files)
    }

    /// The group files a data file in `dir` uses (`groups/group_*.txt`, each group's `relays_file`
    /// of `experiment.json`), for a copy of the folder: `inside`, relative to `dir`, what the copy
    /// takes along (empty when they cannot be read: the run that reads them says why);
    /// `outside`, the `relays_file`s given relative to `dir` but outside it (`../lists/b.txt`),
    /// which a copy cannot take along to the same place.
    public static func paths(of dir: String) -> (inside: [String], outside: [(group: String, file: String)]) {
        func path(_ name: String) -> String { dir.isEmpty ? name : dir + "/" + name }
        let experiment = experiment(in: dir)
        let outside: [(group: String, file: String)] = (experiment?.groups ?? [:]).sorted { $0.key < $1.key }.compactMap { group, g in
            guard let f = g.relaysFile, !f.hasPrefix("/"), f.split(separator: "/", omittingEmptySubsequences: false).contains("..") else { return nil }
            return (group, f)
        }
        guard let found = try? load(folder: path("groups"), base: dir, experiment: experiment) else { return ([], outside) }
        let prefix = dir.isEmpty ? "" : dir + "/"
        var inside: [String] = []
        for f in found.files where f.path.hasPrefix(prefix) {
            let relative = String(f.path.dropFirst(prefix.count))
            let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
            guard !relative.hasPrefix("/"), !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else { continue }
            if !inside.contains(relative) { inside.append(relative) }
        }
        return (inside.sorted(), outside)
    }

    /// `dir`'s experiment.json when it can be read.
    private static func experiment(in dir: String) -> ExperimentInfo? {
        let json = dir.isEmpty ? "experiment.json" : dir + "/experiment.json"
        return ((try? SideFileReader.contents(of: json)) ?? nil).flatMap { try? ExperimentInfo.parse($0, file: json) }
    }

    /// Groups of each listed relay (by the name as listed).
    public var groupsByRelay: [String: [String]] {
        var out: [String: [String]] = [:]
        for f in files { for r in f.relays where !(out[r]?.contains(f.group) ?? false) { out[r, default: []].append(f.group) } }
        return out
    }
}
