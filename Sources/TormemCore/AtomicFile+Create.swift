#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension AtomicFile {
    /// Writes `bytes` to `path` only when nothing is there, atomically: readers see no file or the
    /// whole file, and a file that appears meanwhile (a person's, another run's) is never replaced
    /// (`link(2)` refuses an existing name, where `rename(2)` would replace it). Returns false, writing
    /// nothing, when something is at `path`.
    public static func create(_ bytes: [UInt8], at path: String) throws(TormemError) -> Bool {
        let staged = try stage(.bytes(bytes), for: path, unnamed: true)
        defer { unlink(staged) }
        if link(staged, path) == 0 { return true }
        if errno == EEXIST { return false }
        throw .output(path: path, reason: errnoText())
    }
}
