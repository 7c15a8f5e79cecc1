#if canImport(Glibc)
import Glibc
#endif
import TormemCore

/// Whole-file reads with plain system calls. Files under /proc report a size of 0, so reading goes
/// on until end of file rather than trusting `stat`.
public enum FileBytes {
    /// Files larger than this are cut off (an smaps of a huge process is a few MiB).
    public static let defaultLimit = 256 << 20

    public static func read(_ path: String, limit: Int = defaultLimit) throws(FileReadError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .current(path) }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while out.count < limit {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .current(path)
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    /// The file as UTF-8 text (invalid bytes replaced).
    public static func text(_ path: String) throws(FileReadError) -> String {
        String(decoding: try read(path), as: UTF8.self)
    }

    /// The text, or nil when the file cannot be read.
    public static func textIfReadable(_ path: String) -> String? {
        try? text(path)
    }
}
