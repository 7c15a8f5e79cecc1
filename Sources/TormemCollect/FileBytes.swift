#if canImport(Glibc)
import Glibc
#endif
import TormemCore

/// Whole-file reads with plain system calls. Files under /proc report a size of 0, so reading goes
/// on until end of file rather than trusting `stat`. Only regular files are read (`RegularFile`): a
/// FIFO, socket or device in place of a fingerprint, torrc or `--config` is an error, never waited on.
public enum FileBytes {
    /// Files larger than this are refused (an smaps of a huge process is a few MiB), so memory
    /// stays bounded whatever lies at the path.
    public static let defaultLimit = 64 << 20

    public static func read(_ path: String, limit: Int = defaultLimit) throws(FileReadError) -> [UInt8] {
        let fd = try openRegular(path)
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .current(path)
            }
            if n == 0 { break }
            guard out.count + n <= limit else {
                throw FileReadError(path: path, code: EFBIG, reason: "larger than \(limit >> 20 > 0 ? "\(limit >> 20) MiB" : "\(limit) bytes")")
            }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    /// The descriptor of `path` opened for reading when it is a regular file; the caller closes it.
    static func openRegular(_ path: String) throws(FileReadError) -> Int32 {
        do {
            return try RegularFile.open(path).fd
        } catch {
            if case .system(let code) = error { throw FileReadError(path: path, code: code, reason: error.reason) }
            throw FileReadError(path: path, code: error == .missing ? ENOENT : 0, reason: error.reason)
        }
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
