import Foundation
import TormemCore

/// The SHA-256 of the data files (for `ChartSource`), computed on a thread of its own while they
/// are loaded and analysed, rather than after: on a 200 MB file it would otherwise add its whole
/// time to the run. Only regular files are hashed here (a FIFO is never opened twice); anything
/// else, or a file that cannot be read, is left to `ChartSource`, which reads it then as before.
final class FileDigests: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var digests: [String: String] = [:]
    private var started = false

    /// Starts hashing the regular files among `paths`.
    init(_ paths: [String]) {
        let regular = Array(Set(paths.filter(FileDigests.isRegular))).sorted()
        guard !regular.isEmpty else { return }
        started = true
        // A thread of its own, not the shared pool the loader splits a file on.
        let thread = Thread { [self] in
            var found: [String: String] = [:]
            for p in regular { found[p] = ChartSource.fileDigest(p) }
            digests = found
            done.signal()
        }
        thread.start()
    }

    /// The digests by path, once computed (waits for the thread).
    func wait() -> [String: String] {
        guard started else { return [:] }
        started = false
        done.wait()
        return digests
    }

    /// A regular file by `stat` (which opens nothing).
    static func isRegular(_ path: String) -> Bool {
        guard path != "-" else { return false }
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
