#if canImport(Glibc)
import Glibc
#endif
import TormemData

/// Replaces a file in one step: the bytes go to a temporary file in the same folder (a dot file, so
/// node_exporter's `*.prom` glob never sees it), are flushed, and the temporary file is renamed over
/// the target. Readers see the old or the new content, never a part.
public enum AtomicWriter {
    public static func write(_ text: String, to path: String) throws(TormemError) {
        let (dir, base) = split(path)
        let tmp = dir + ".\(base).tmp-\(getpid())"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw .output(path: path, reason: "\(errnoText()); expected a writable folder for \(tmp)")
        }
        var reason: String?
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                reason = errnoText()
                break
            }
            offset += n
        }
        if reason == nil, fsync(fd) != 0 { reason = errnoText() }
        if close(fd) != 0, reason == nil { reason = errnoText() }
        if reason == nil, rename(tmp, path) != 0 { reason = errnoText() }
        if let reason {
            unlink(tmp)
            throw .output(path: path, reason: reason)
        }
    }

    /// (`dir/` or empty, file name).
    static func split(_ path: String) -> (String, String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[...slash]), String(path[path.index(after: slash)...]))
    }
}
