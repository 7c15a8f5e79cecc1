import Foundation
import TormemCore

/// The SHA-256 of the data files (for `ChartSource`), computed on a thread of its own while they
/// are loaded and analysed, rather than after: on a 200 MB file it would otherwise add its whole
/// time to the run. Only regular files are hashed here (a FIFO is never opened twice); anything
/// else, or a file that cannot be read, is left to `ChartSource`, which reads it then as before.
///
/// The thread runs at idle priority (Linux `SCHED_IDLE`), so it takes only the time the loader's
/// and the analysis' threads leave free and never slows the loading down. When the digests are
/// wanted (`wait`), the thread stops after the piece it is hashing and the waiting thread hashes
/// the rest itself at its own priority: a busy machine never leaves the run waiting on an idle
/// thread.
final class FileDigests: @unchecked Sendable {  // `work` and `takeOver` are guarded by `lock`
    private let lock = NSLock()
    private let stopped = DispatchSemaphore(value: 0)
    private var work: Work?
    private var takeOver = false
    private var started = false

    /// Starts hashing the regular files among `paths`.
    init(_ paths: [String]) {
        let regular = Array(Set(paths.filter(FileDigests.isRegular))).sorted()
        guard !regular.isEmpty else { return }
        started = true
        // A thread of its own, not the shared pool the loader splits a file on.
        let thread = Thread { [self] in
            FileDigests.idlePriority()
            var work = Work(paths: regular)
            while !lock.withLock({ takeOver }), work.step() {}
            lock.withLock { self.work = work }
            stopped.signal()
        }
        thread.start()
    }

    /// The digests by path, once computed: what the thread has not hashed yet is hashed here.
    func wait() -> [String: String] {
        guard started else { return [:] }
        started = false
        lock.withLock { takeOver = true }
        stopped.wait()
        guard var work = lock.withLock({ self.work.take() }) else { return [:] }
        while work.step() {}
        return work.digests
    }

    /// A regular file by `stat` (which opens nothing).
    static func isRegular(_ path: String) -> Bool {
        guard path != "-" else { return false }
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Runs the calling thread only when a core would otherwise be idle (best effort; Linux).
    private static func idlePriority() {
        #if os(Linux)
        var param = sched_param()
        _ = pthread_setschedparam(pthread_self(), 5 /* SCHED_IDLE */, &param)
        #endif
    }

    /// The files to hash and how far it got, advanced one piece at a time by whichever thread owns it.
    struct Work {
        var paths: [String]
        var digests: [String: String] = [:]
        private var next = 0
        private var file: (fd: Int32, hash: SHA256)?
        /// Small pieces: a thread asked to stop finishes its piece first.
        private var buffer = [UInt8](repeating: 0, count: 128 << 10)

        init(paths: [String]) { self.paths = paths }

        /// Hashes the next piece (opening the next file, or finishing one); false when every file
        /// is done. A file that cannot be read gets no digest.
        mutating func step() -> Bool {
            guard var current = file else {
                guard next < paths.count else { return false }
                if let opened = try? RegularFile.open(paths[next]) {
                    file = (opened.fd, SHA256())
                } else {
                    next += 1
                }
                return true
            }
            file = nil  // `current` holds the only copy of the hash while it is updated
            let n = buffer.withUnsafeMutableBufferPointer { buffer -> Int in
                let n = read(current.fd, buffer.baseAddress!, buffer.count)
                if n > 0 { current.hash.update(UnsafeBufferPointer(rebasing: buffer[..<n])) }
                return n
            }
            if n > 0 || (n < 0 && errno == EINTR) {
                file = current
                return true
            }
            // The end of the file, or an error reading it (no digest: `ChartSource` reads it again).
            if n == 0 { digests[paths[next]] = current.hash.hexDigest() }
            close(current.fd)
            next += 1
            return true
        }
    }
}
