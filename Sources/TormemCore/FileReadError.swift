#if canImport(Glibc)
import Glibc
#endif

/// A file or folder that could not be read: its path and the system's reason.
public struct FileReadError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    /// The `errno` value (0 when the problem is not a system error).
    public var code: Int32
    public var reason: String

    public init(path: String, code: Int32, reason: String) {
        self.path = path; self.code = code; self.reason = reason
    }

    /// The error for the current `errno`.
    public static func current(_ path: String) -> FileReadError {
        let e = errno
        return FileReadError(path: path, code: e, reason: SystemError.text(e))
    }

    /// The reason when `path` was to be a folder: "no such folder", "not a folder" (something else
    /// is there), else the system's.
    public var folderReason: String {
        switch code {
        case ENOENT: return "no such folder"
        case ENOTDIR: return DirectoryListing.exists(path) ? "not a folder" : "no such folder"
        default: return reason
        }
    }

    public var description: String { "\(path): \(reason)" }
}
