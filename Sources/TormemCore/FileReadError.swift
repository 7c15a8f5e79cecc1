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

    public var description: String { "\(path): \(reason)" }
}
