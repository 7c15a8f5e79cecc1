#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that readers only ever see the old or the new content: the bytes go to a
/// temporary file in the same folder, are flushed, and the temporary file is renamed over the target.
///
/// Safe in folders other users can write to (the collector runs as root): a temporary file is
/// created with `O_EXCL | O_NOFOLLOW` (or is unnamed, `O_TMPFILE`) under an unpredictable name
/// (`.NAME.tormem-tmp-PID-RANDOM`), so a symbolic link planted at a predictable name is never
/// followed. A symbolic link at the target itself is replaced by the new file (`rename(2)` replaces
/// the link, never the file it points to), so a write never lands outside the target's folder.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically. The data goes to an unnamed file in the target's folder
    /// (`O_TMPFILE`), which gets a temporary name only for the instant between `linkat` and
    /// `rename`; a run killed while writing leaves nothing behind. Where the file system has no
    /// `O_TMPFILE`, a named temporary file is used (and cleaned up by later runs, see
    /// `removeStaleTemporaries`).
    public static func write(_ bytes: [UInt8], to path: String) throws(TormemError) {
        try writeAll([(path, bytes)])
    }

    /// Writes `text` as UTF-8 (see `write(_:to:)`).
    public static func write(_ text: String, to path: String) throws(TormemError) {
        try write(Array(text.utf8), to: path)
    }

    /// Writes several files all or nothing: every file is first written to a temporary file next to
    /// its target; only then are they renamed into place, one by one. When a rename fails part-way,
    /// the files already replaced get their earlier content back (or are removed when they did not
    /// exist), so the folder is as it was before the call. Each file on its own is replaced atomically.
    public static func writeAll(_ files: [(path: String, bytes: [UInt8])]) throws(TormemError) {
        try writeAll(files.map { ($0.path, Content.bytes($0.bytes)) }, unnamed: true)
    }

    /// What a file of `writeAll` gets: bytes in memory, or a copy of a regular file made piece by
    /// piece (a data file of any size copied into a report folder with little memory).
    public enum Content: Sendable {
        case bytes([UInt8])
        case copy(of: String)
    }

    /// `writeAll` of contents; a file to copy that is missing or not a regular file is an input error.
    public static func writeAll(_ files: [(path: String, content: Content)]) throws(TormemError) {
        try writeAll(files, unnamed: true)
    }

    /// `unnamed: false` forces the named temporary files (tests: file systems without `O_TMPFILE`).
    static func writeAll(_ files: [(path: String, bytes: [UInt8])], unnamed: Bool) throws(TormemError) {
        try writeAll(files.map { ($0.path, Content.bytes($0.bytes)) }, unnamed: unnamed)
    }

    static func writeAll(_ files: [(path: String, content: Content)], unnamed: Bool) throws(TormemError) {
        var staged: [String] = []
        for f in files {
            do {
                staged.append(try stage(f.content, for: f.path, unnamed: unnamed))
            } catch {
                for t in staged { unlink(t) }
                throw error
            }
        }
        var done: [(path: String, backup: Backup)] = []
        for (i, f) in files.enumerated() {
            let backup = files.count > 1 ? keep(f.path) : .none
            if rename(staged[i], f.path) != 0 {
                let reason = errnoText()
                if case .link(let b) = backup { unlink(b) }
                for t in staged[i...] { unlink(t) }
                restore(done)
                throw .output(path: f.path, reason: reason)
            }
            done.append((f.path, backup))
        }
        for d in done { if case .link(let b) = d.backup { unlink(b) } }
    }

    /// How a replaced file's earlier content is kept until every file of a `writeAll` is in place.
    enum Backup {
        /// There was no file.
        case none
        /// A second name (hard link) of the earlier file.
        case link(String)
        /// The earlier bytes (file systems without hard links).
        case bytes([UInt8])
    }

    static func keep(_ path: String) -> Backup {
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) != S_IFDIR else { return .none }
        for _ in 0..<8 {
            let name = temporaryName(for: path)
            if link(path, name) == 0 { return .link(name) }
            if errno != EEXIST { break }
        }
        return readRegular(path).map(Backup.bytes) ?? .none
    }

    /// Puts back what `writeAll` replaced, newest first (best effort: this runs after a failure).
    static func restore(_ done: [(path: String, backup: Backup)]) {
        for d in done.reversed() {
            switch d.backup {
            case .none: unlink(d.path)
            case .link(let b): if rename(b, d.path) != 0 { unlink(b) }
            case .bytes(let old):
                if let t = try? stage(.bytes(old), for: d.path, unnamed: true), rename(t, d.path) != 0 { unlink(t) }
            }
        }
    }

    /// The bytes of a regular file (not followed when it is a symbolic link); nil otherwise.
    static func readRegular(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n < 0 { return nil }
            if n == 0 { return out }
            out += buffer[0..<n]
        }
    }

    /// Writes `content` to a new temporary file next to `path` and returns its name.
    static func stage(_ content: Content, for path: String, unnamed: Bool) throws(TormemError) -> String {
        // The file to copy is opened first: when it cannot be read, nothing is created.
        var source: Int32 = -1
        if case .copy(let from) = content {
            do {
                source = try RegularFile.open(from).fd
            } catch {
                throw .input(Diagnostic(file: from, message: "cannot copy: " + error.reason))
            }
        }
        defer { if source >= 0 { close(source) } }
        let dir = FileOutput.parentDirectory(of: path)
        var fd: Int32 = unnamed ? open(dir, oTmpFile | O_WRONLY | O_CLOEXEC, 0o644) : -1
        let isUnnamed = fd >= 0
        var tmp = ""
        if !isUnnamed {
            for _ in 0..<8 {
                tmp = temporaryName(for: path)
                fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
                if fd >= 0 || errno != EEXIST { break }
            }
            guard fd >= 0 else { throw .output(path: path, reason: errnoText()) }
        }
        var reason: String?
        switch content {
        case .bytes(let bytes): reason = FileOutput.writeAll(fd, bytes)
        case .copy(let from): reason = copy(from: source, name: from, to: fd)
        }
        if reason == nil, fsync(fd) != 0 { reason = errnoText() }
        if reason == nil, isUnnamed {
            // linkat never follows or replaces what is at the new name: a planted name is EEXIST.
            while true {
                tmp = temporaryName(for: path)
                if linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) == 0 { break }
                if errno != EEXIST { reason = errnoText(); tmp = ""; break }
            }
        }
        if close(fd) != 0, reason == nil { reason = errnoText() }
        if let reason {
            if !tmp.isEmpty { unlink(tmp) }
            throw .output(path: path, reason: reason)
        }
        return tmp
    }

    /// Copies the rest of `source` to `fd` in 1 MiB pieces; the reason when it fails.
    static func copy(from source: Int32, name: String, to fd: Int32) -> String? {
        let size = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = read(source, buffer, size)
            if n < 0, errno == EINTR { continue }
            if n < 0 { return "cannot read \(name): " + SystemError.text() }
            if n == 0 { return nil }
            if let failure = FileOutput.writeAll(fd, UnsafeRawBufferPointer(start: buffer, count: n)) { return failure }
        }
    }

    /// `.NAME.tormem-tmp-PID-RANDOM` next to `path` (NAME shortened so the name stays a valid file
    /// name; RANDOM is 16 hexadecimal digits from the system's random source).
    static func temporaryName(for path: String) -> String {
        let dir = FileOutput.parentDirectory(of: path)
        var base = path
        while base.count > 1, base.hasSuffix("/") { base.removeLast() }
        base = base.split(separator: "/").last.map(String.init) ?? base
        if base.utf8.count > 120 { base = String(decoding: Array(base.utf8.prefix(120)), as: UTF8.self) }
        var random = String(UInt64.random(in: .min ... .max), radix: 16)
        random = String(repeating: "0", count: 16 - random.count) + random
        let prefix = dir == "." && !path.hasPrefix("./") ? "" : (dir == "/" ? "/" : dir + "/")
        return prefix + ".\(base)\(marker)\(getpid())-\(random)"
    }

    static let marker = ".tormem-tmp-"

    /// `O_TMPFILE` (Linux; `__O_TMPFILE | O_DIRECTORY`), not exported to Swift.
    static let oTmpFile: Int32 = 0o20200000

    /// The PID in `name` when it is exactly a temporary name of `temporaryName(for:)`; nil otherwise.
    static func temporaryOwner(_ name: String) -> Int32? {
        let bytes = Array(name.utf8), mark = Array(marker.utf8)
        guard name.hasPrefix("."), bytes.count > mark.count,
              let at = stride(from: bytes.count - mark.count, through: 0, by: -1).first(where: { Array(bytes[$0..<($0 + mark.count)]) == mark }),
              at > 1 else { return nil }
        let tail = String(decoding: bytes[(at + mark.count)...], as: UTF8.self).split(separator: "-", omittingEmptySubsequences: false)
        guard tail.count == 2, let p = tail.first, let r = tail.last,
              !p.isEmpty, p.first != "0", p.allSatisfy({ $0.isASCII && $0.isNumber }), let pid = Int32(p), pid > 0,
              r.count == 16, r.allSatisfy({ "0123456789abcdef".contains($0) }) else { return nil }
        return pid
    }

    /// Removes the temporary files in `dir` that a tormem run which is no longer alive left behind:
    /// only names made by `temporaryName(for:)`, only regular files (never a symbolic link or
    /// folder), only files of this user. Any other file, even `.NAME.tmp-123`, is left alone.
    public static func removeStaleTemporaries(in dir: String) {
        guard let d = opendir(dir) else { return }
        defer { closedir(d) }
        while let entry = readdir(d) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let pid = temporaryOwner(name) else { continue }
            let path = dir + "/" + name
            var st = stat()
            guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_uid == geteuid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(path) }
        }
    }

    static func errnoText() -> String { SystemError.text() }
}
