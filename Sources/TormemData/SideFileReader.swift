#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TormemCore

/// Reads a small side file whole: nil when it does not exist; never blocks on a FIFO or device
/// (opened non-blocking, and only a regular file is read); at most `limit` bytes (Onionoo's
/// documents: `OnionooFacts.sizeLimit`).
enum SideFileReader {
    static let limit = 64 << 20

    static func contents(of path: String, limit: Int = limit) throws(TormemError) -> [UInt8]? {
        let fd: Int32, size: Int
        do {
            (fd, size) = try RegularFile.open(path)
        } catch {
            if error == .missing { return nil }
            throw .input(Diagnostic(file: path, message: error.foundInstead.map { "expected a regular file, found \($0)" }
                ?? "cannot read: \(error.reason)"))
        }
        defer { close(fd) }
        guard size <= limit else {
            throw .input(Diagnostic(file: path, message: "expected a side file of at most \(limit >> 20) MiB, found "
                + (size >> 20 > limit >> 20 ? "\(size >> 20) MiB" : "\(size) bytes")))
        }
        var out = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < out.count {
            let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, $0.count - done, off_t(done)) }
            if n < 0 { if errno == EINTR { continue }; throw .input(Diagnostic(file: path, message: "cannot read: \(SystemError.text())")) }
            if n == 0 { break }
            done += n
        }
        return Array(out[0..<done])
    }
}
