import TormemCore

/// Data in CSV files of any known format (`--data FILE`…): plain or gzip files, standard input
/// (`-`), pipes (`/dev/fd/N`). A file given twice (any spelling, or a link to it) is read once,
/// with a warning; standard input can be given only once. Side files come from `sideFolder`, else
/// from the folder of the first file; standard input has no folder, so none are looked for then
/// (not those of the current folder). The regular files are hashed on another core while they are
/// read (`FileDigests`); a stream is hashed as it is read.
public struct CSVFileSource: DataSource {
    /// As given, in order.
    public var paths: [String]
    /// Any unreadable row fails the read (`--strict`).
    public var strict: Bool
    /// The folder of the side files (empty: the current folder); nil: the first file's folder.
    public var sideFolder: String?
    /// The per-relay quantities to read (`--metric`; the first is analysed), as `DataLoader` has them.
    public var metrics: [Metric]

    public init(paths: [String], strict: Bool = false, sideFolder: String? = nil, metrics: [Metric] = [.rss]) {
        self.paths = paths; self.strict = strict; self.sideFolder = sideFolder; self.metrics = metrics
    }

    public var name: String { paths.joined(separator: ", ") }

    public var caption: String { paths.map(CSVFileSource.caption).joined(separator: ", ") }

    /// A data file as the charts' small print names it: its file name; `standard input` for `-`,
    /// `pipe` for the `/dev/fd/N` of a shell's `<(…)`.
    public static func caption(_ path: String) -> String {
        if path == "-" { return "standard input" }
        if path.hasPrefix("/dev/fd/") || path.hasPrefix("/proc/self/fd/") { return "pipe" }
        return path.split(separator: "/").last.map(String.init) ?? path
    }

    public func read(window: TimeWindow, windowOptions: String, warn: (Diagnostic) -> Void) throws(TormemError) -> SourceData {
        guard !paths.isEmpty else { throw .usage("no data: give at least one --data FILE") }
        // The files are fingerprinted on another core while they are loaded and analysed.
        let digests = FileDigests(paths)
        var files: [LoadedFile] = []
        var seen: [FileIdentity: String] = [:]
        for path in paths {
            if path == "-", files.contains(where: { $0.path == "-" }) {
                throw .usage("--data -: standard input given twice; it can be read only once")
            }
            if path != "-", let id = FileIdentity(path) {
                if let first = seen[id] {
                    warn(Diagnostic(file: path, message: "the same file as \(first) (given twice); read once"))
                    continue
                }
                seen[id] = path
            }
            let f = try DataLoader.load(path: path, metrics: metrics)
            for w in f.warnings { warn(w) }
            if f.skipped > RowProblems.keep {
                warn(Diagnostic(file: path, message: "\(f.skipped) rows skipped in all; the first \(RowProblems.keep) are listed above"))
            }
            if strict, f.skipped > 0 {
                throw .input(Diagnostic(file: path, message: "\(f.skipped) unreadable row\(f.skipped == 1 ? "" : "s") (--strict)"))
            }
            files.append(f)
        }
        var side = SideFiles()
        if let folder = sideFolder ?? (paths[0] == "-" ? nil : SideFiles.folder(of: paths[0])) {
            side = try SideFiles.load(in: folder)
        }
        for w in side.warnings { warn(w) }
        // Also of a stream the window leaves nothing of: it was read.
        let streamDigests = Dictionary(files.compactMap { f in f.streamDigest.map { (f.path, $0) } }, uniquingKeysWith: { a, _ in a })
        var applied: TimeWindow.Applied?
        if !window.isEmpty {
            let cut = try window.apply(to: files, experimentStart: side.experiment?.start, options: windowOptions)
            for n in cut.notes { warn(n) }
            files = cut.files
            applied = cut.applied
            // Events outside the window are not drawn or listed.
            side.events?.events.removeAll { !cut.applied.contains($0.time.seconds) }
        }
        let paths = paths, sidePaths = side.paths, folder = sideFolder ?? SideFiles.folder(of: paths[0])
        return SourceData(files: files, side: side, window: applied) { () throws(TormemError) -> SourceFingerprint in
            try CSVFileSource.fingerprint(paths: paths, sidePaths: sidePaths, sideFolder: folder,
                                          streamDigests: streamDigests, fileDigests: digests.wait())
        }
    }

    /// The fingerprint of `paths` and the side files at `sidePaths` (named relative to
    /// `sideFolder`): each data file by its file name, each side file by its path in the folder.
    /// `streamDigests`: the digests of what was read as a stream (by path), which cannot be read
    /// again; `fileDigests`: those of files already hashed. Any other file is read here.
    public static func fingerprint(paths: [String], sidePaths: [String], sideFolder: String,
                                   streamDigests: [String: String] = [:],
                                   fileDigests: [String: String] = [:]) throws(TormemError) -> SourceFingerprint {
        func digest(_ path: String) throws(TormemError) -> String {
            if let d = streamDigests[path] ?? fileDigests[path] { return d }
            guard let d = FileDigests.digest(of: path) else {
                throw .input(Diagnostic(file: path, message: "cannot read the file again to fingerprint it"))
            }
            return d
        }
        func name(_ path: String) -> String {
            sideFolder.isEmpty || !path.hasPrefix(sideFolder + "/") ? path : String(path.dropFirst(sideFolder.count + 1))
        }
        var data: [SourceFingerprint.Entry] = []
        for p in paths { data.append(.init(name: fileName(p), sha256: try digest(p))) }
        var side: [SourceFingerprint.Entry] = []
        for p in sidePaths.sorted(by: { name($0) < name($1) }) { side.append(.init(name: name(p), sha256: try digest(p))) }
        return SourceFingerprint(data: data, sideFiles: side)
    }

    /// The last component of `path`, as Foundation's `lastPathComponent` has it: trailing slashes
    /// ignored, `/` for the root.
    static func fileName(_ path: String) -> String {
        var end = path.endIndex
        while end > path.startIndex, path[path.index(before: end)] == "/" { end = path.index(before: end) }
        if end == path.startIndex { return path.isEmpty ? "" : "/" }
        let body = path[..<end]
        return String(body[(body.lastIndex(of: "/").map { body.index(after: $0) } ?? body.startIndex)...])
    }
}
