#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes files so that readers only ever see the old or the new content: the bytes go to a
/// temporary file in the same folder, are flushed, and the temporary file is renamed over the target.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically. The data goes to an unnamed file in the target's folder
    /// (`O_TMPFILE`), which gets a temporary name only for the instant between `linkat` and
    /// `rename`; a run killed while writing leaves nothing behind. Where the file system has no
    /// `O_TMPFILE`, a named `.NAME.tmp-PID` file is used (and cleaned up by later runs, see
    /// `removeStaleTemporaries`).
    public static func write(_ bytes: [UInt8], to path: String) throws(TormemError) {
        let dir = FileOutput.parentDirectory(of: path)
        let base = path.split(separator: "/").last.map(String.init) ?? path
        let tmp = (dir == "." && !path.hasPrefix("./") ? "" : dir + "/") + ".\(base).tmp-\(getpid())"
        var fd = open(dir, oTmpFile | O_WRONLY | O_CLOEXEC, 0o644)
        let unnamed = fd >= 0
        if !unnamed {
            fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw .output(path: path, reason: errnoText()) }
        }
        var ok = true
        var reason = ""
        if let failure = FileOutput.writeAll(fd, bytes) { ok = false; reason = failure }
        if ok, fsync(fd) != 0 { ok = false; reason = errnoText() }
        if ok, unnamed {
            unlink(tmp)  // a leftover from a killed run with this PID
            if linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) != 0 { ok = false; reason = errnoText() }
        }
        if close(fd) != 0, ok { ok = false; reason = errnoText() }
        if ok, rename(tmp, path) != 0 { ok = false; reason = errnoText() }
        if !ok {
            unlink(tmp)
            throw .output(path: path, reason: reason)
        }
    }

    /// Writes `text` as UTF-8 (see `write(_:to:)`).
    public static func write(_ text: String, to path: String) throws(TormemError) {
        try write(Array(text.utf8), to: path)
    }

    /// `O_TMPFILE` (Linux; `__O_TMPFILE | O_DIRECTORY`), not exported to Swift.
    static let oTmpFile: Int32 = 0o20200000

    /// Removes `.NAME.tmp-PID` files in `dir` left by runs that are no longer alive.
    public static func removeStaleTemporaries(in dir: String) {
        guard let d = opendir(dir) else { return }
        defer { closedir(d) }
        while let entry = readdir(d) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasPrefix("."), let range = name.range(of: ".tmp-", options: .backwards),
                  let pid = Int32(name[range.upperBound...]), pid > 0 else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(dir + "/" + name) }
        }
    }

    static func errnoText() -> String { SystemError.text() }
}
