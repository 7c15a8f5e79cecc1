#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension AtomicFile {
    /// Writes what `produce` writes into its sink to `path` atomically, block by block (a file of
    /// any size with little memory): into a new temporary file next to `path`, flushed and renamed
    /// over it only when `produce` ends without error; on any error the temporary file is removed
    /// and `path` is untouched.
    public static func write(to path: String, _ produce: (inout TextSink) throws(TormemError) -> Void) throws(TormemError) {
        let tmp = try stage(.bytes([]), for: path, unnamed: false)
        let fd = open(tmp, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            let reason = errnoText()
            unlink(tmp)
            throw .output(path: path, reason: reason)
        }
        var sink = TextSink { bytes throws(TormemError) in
            if let reason = FileOutput.writeAll(fd, bytes) { throw .output(path: path, reason: reason) }
        }
        do {
            try produce(&sink)
            try sink.flush()
        } catch {
            close(fd)
            unlink(tmp)
            throw error
        }
        var reason: String?
        if fsync(fd) != 0 { reason = errnoText() }
        if close(fd) != 0, reason == nil { reason = errnoText() }
        if reason == nil, rename(tmp, path) != 0 { reason = errnoText() }
        if let reason {
            unlink(tmp)
            throw .output(path: path, reason: reason)
        }
    }
}
