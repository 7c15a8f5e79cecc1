#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import TormemCore

/// An open, read-only file descriptor on a regular file; closed when the last
/// reference goes away. Reads use `pread`, so the descriptor carries no position
/// and can be shared.
final class FileDescriptor: Sendable {
    let fd: Int32
    let path: String
    /// The file's size when it was opened.
    let size: Int

    /// Opens `path` for reading and checks that it is a regular file.
    ///
    /// Opened with `O_NONBLOCK` so that a FIFO never blocks the open; the type is
    /// then checked on the descriptor itself (no stat/open race).
    init(path: String) throws(CSVError) {
        let opened: (fd: Int32, size: Int)
        do {
            opened = try RegularFile.open(path)
        } catch {
            switch error {
            case .missing: throw .fileNotFound(path: path)
            case .directory: throw .isDirectory(path: path)
            case .notRegular(let kind): throw .notRegularFile(path: path, kind: kind)
            case .system(let code): throw .unreadable(path: path, reason: SystemError.text(code))
            }
        }
        let fd = opened.fd
        #if os(Linux)
        _ = posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL)
        #endif
        self.fd = fd
        self.path = path
        self.size = opened.size
    }

    deinit { close(fd) }

    /// Opens a FIFO or pipe for reading as a stream, without waiting for a writer (`O_NONBLOCK`;
    /// reads then wait for data with `poll` while a writer is there). The caller closes it.
    static func openStream(_ path: String) throws(CSVError) -> Int32 {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw .unreadable(path: path, reason: SystemError.text(errno)) }
        return fd
    }

    /// Reads up to `count` bytes at `offset`; 0 means end of file.
    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int, at offset: Int) throws(CSVError) -> Int {
        while true {
            let n = pread(fd, buffer, count, off_t(offset))
            if n >= 0 { return n }
            let code = errno
            if code == EINTR || code == EAGAIN { continue }
            throw .unreadable(path: path, reason: SystemError.text(code))
        }
    }
}
