#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way every reader opens a file: non-blocking (opening a FIFO returns at once instead of
/// waiting for a writer), then the type checked on the descriptor itself (no stat/open race), so a
/// FIFO, socket or device is refused, never waited on or read forever.
public enum RegularFile {
    public enum OpenError: Error, Equatable, Sendable {
        /// No such file (or a path component is not a folder).
        case missing
        case directory
        /// A FIFO, socket, device …: its kind, e.g. "fifo".
        case notRegular(kind: String)
        /// Any other system error (`errno`).
        case system(Int32)

        /// What was found instead of a regular file ("a directory", "a fifo"); nil for other errors.
        public var foundInstead: String? {
            switch self {
            case .directory: return "a directory"
            case .notRegular(let kind): return "a \(kind)"
            case .missing, .system: return nil
            }
        }

        /// The reason in words, e.g. "a fifo, not a regular file".
        public var reason: String {
            switch self {
            case .missing: return SystemError.text(ENOENT)
            case .directory: return "a directory, not a regular file"
            case .notRegular(let kind): return "a \(kind), not a regular file"
            case .system(let code): return SystemError.text(code)
            }
        }
    }

    /// An open descriptor (the caller closes it) and the size `fstat` gives (0 for `/proc` files).
    public static func open(_ path: String) throws(OpenError) -> (fd: Int32, size: Int) {
        let fd = openNonBlocking(path)
        if fd < 0 {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR: throw .missing
            case EISDIR: throw .directory
            default: throw .system(code)
            }
        }
        var info = stat()
        if fstat(fd, &info) != 0 {
            let code = errno
            close(fd)
            throw .system(code)
        }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else {
            close(fd)
            if type == S_IFDIR { throw .directory }
            throw .notRegular(kind: kind(type))
        }
        return (fd, Int(info.st_size))
    }

    static func kind(_ type: mode_t) -> String {
        switch type {
        case S_IFIFO: return "fifo"
        case S_IFCHR: return "character device"
        case S_IFBLK: return "block device"
        case S_IFSOCK: return "socket"
        default: return "special file"
        }
    }
}

/// `open(2)` for reading, non-blocking (a file-scope function: inside `RegularFile`, `open` is its own).
private func openNonBlocking(_ path: String) -> Int32 { open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK) }
