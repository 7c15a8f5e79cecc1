/// Why a CSV input could not be opened or read.
///
/// Every message is lowercase, names the file, and says what is wrong,
/// e.g. `data.csv: no such file`.
public enum CSVError: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
    /// Nothing exists at the path (or a folder on the way is not a folder).
    case fileNotFound(path: String)
    /// The path names a directory.
    case isDirectory(path: String)
    /// The path names something that is neither a regular file nor a directory
    /// (`kind` is "fifo", "character device", "block device", "socket").
    case notRegularFile(path: String, kind: String)
    /// The file exists but could not be opened or read; `reason` is the system's
    /// explanation in lowercase (e.g. "permission denied").
    case unreadable(path: String, reason: String)
    /// A record (or comment line) longer than `limit` bytes starting at `line`: no measurement
    /// file has one, and reading on would hold all of it in memory.
    case recordTooLong(path: String, line: Int, limit: Int)

    /// The path (or input name) the error is about.
    public var path: String {
        switch self {
        case .fileNotFound(let path), .isDirectory(let path),
            .notRegularFile(let path, _), .unreadable(let path, _), .recordTooLong(let path, _, _):
            return path
        }
    }

    /// What is wrong, without the path: `no such file`.
    public var reason: String {
        switch self {
        case .fileNotFound:
            return "no such file"
        case .isDirectory:
            return "is a directory, expected a csv file"
        case .notRegularFile(_, let kind):
            return "is a \(kind), expected a regular csv file"
        case .unreadable(_, let reason):
            return "cannot read: \(reason)"
        case .recordTooLong(_, _, let limit):
            return "a line longer than \(limit >> 20) MiB; expected the short lines of a CSV file (a binary or corrupted file?)"
        }
    }

    /// The line the error is about, when there is one.
    public var line: Int? {
        if case .recordTooLong(_, let line, _) = self { return line }
        return nil
    }

    public var description: String { "\(path)\(line.map { ":\($0)" } ?? ""): \(reason)" }
}
