#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain system-call output shared by every writer: the EINTR-safe write loop and "create this folder
/// and its parents".
public enum FileOutput {
    /// Writes all of `bytes` to `fd` (one `write(2)` unless the kernel takes less, retried on
    /// EINTR). Returns the system's reason on failure, nil on success.
    public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> String? {
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return SystemError.text()
            }
            offset += n
        }
        return nil
    }

    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBytes { writeAll(fd, $0) }
    }

    /// Creates `path` and its missing parents; an existing non-folder is an output error. Returns the
    /// folders it created, outermost first (so a failed run can remove them again).
    @discardableResult
    public static func makeDirectory(_ path: String) throws(TormemError) -> [String] {
        var st = stat()
        if stat(path, &st) == 0 {
            if (st.st_mode & S_IFMT) != S_IFDIR { throw .output(path: path, reason: "exists and is not a directory") }
            return []
        }
        var created: [String] = []
        let parent = parentDirectory(of: path)
        if parent != path, parent != ".", parent != "/" { created = try makeDirectory(parent) }
        if mkdir(path, 0o755) == 0 { return created + [path] }
        if errno != EEXIST { throw .output(path: path, reason: SystemError.text()) }
        return created
    }

    /// Removes the folders `makeDirectory` created, innermost first, when they are empty.
    public static func removeDirectories(_ created: [String]) {
        for d in created.reversed() { rmdir(d) }
    }

    /// The folder holding `path` (`.` for a bare name, `/` at the root); trailing slashes ignored.
    public static func parentDirectory(of path: String) -> String {
        var p = path
        while p.count > 1, p.hasSuffix("/") { p.removeLast() }
        guard let slash = p.lastIndex(of: "/") else { return "." }
        if slash == p.startIndex { return "/" }
        return String(p[..<slash])
    }
}
