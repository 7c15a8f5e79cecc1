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
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR: throw .fileNotFound(path: path)
            case EISDIR: throw .isDirectory(path: path)
            default: throw .unreadable(path: path, reason: SystemError.text(code))
            }
        }
        var info = stat()
        if fstat(fd, &info) != 0 {
            let code = errno
            close(fd)
            throw .unreadable(path: path, reason: SystemError.text(code))
        }
        let type = info.st_mode & S_IFMT
        if type != S_IFREG {
            close(fd)
            switch type {
            case S_IFDIR: throw .isDirectory(path: path)
            case S_IFIFO: throw .notRegularFile(path: path, kind: "fifo")
            case S_IFCHR: throw .notRegularFile(path: path, kind: "character device")
            case S_IFBLK: throw .notRegularFile(path: path, kind: "block device")
            case S_IFSOCK: throw .notRegularFile(path: path, kind: "socket")
            default: throw .notRegularFile(path: path, kind: "special file")
            }
        }
        #if os(Linux)
        _ = posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL)
        #endif
        self.fd = fd
        self.path = path
        self.size = Int(info.st_size)
    }

    deinit { close(fd) }

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
