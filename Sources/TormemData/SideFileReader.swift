#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TormemCore

/// Reads a small side file whole: nil when it does not exist; never blocks on a FIFO or device
/// (opened non-blocking, and only a regular file is read); at most `limit` bytes.
enum SideFileReader {
    static let limit = 64 << 20

    static func contents(of path: String) throws(TormemError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw .input(Diagnostic(file: path, message: "cannot read: \(SystemError.text())"))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .input(Diagnostic(file: path, message: "cannot read: \(SystemError.text())")) }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw .input(Diagnostic(file: path, message: "expected a regular file"))
        }
        guard Int(st.st_size) <= limit else {
            throw .input(Diagnostic(file: path, message: "expected a side file of at most \(limit >> 20) MiB, found \(Int(st.st_size) >> 20) MiB"))
        }
        var out = [UInt8](repeating: 0, count: Int(st.st_size))
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
