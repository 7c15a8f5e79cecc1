import Dispatch
import TormemCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The SHA-256 of the data files (for the source's fingerprint), computed on a thread of its own
/// while they are loaded and analysed, rather than after: on a 200 MB file it would otherwise add
/// its whole time to the run. Only regular files are hashed here (a FIFO is never opened twice);
/// anything else, or a file that cannot be read, is left to the caller, which reads it then as
/// before (`CSVFileSource.fingerprint`).
///
/// The thread runs at idle priority (Linux `SCHED_IDLE`), so it takes only the time the loader's
/// and the analysis' threads leave free and never slows the loading down. When the digests are
/// wanted (`wait`), the thread stops after the piece it is hashing and the waiting thread hashes
/// the rest itself at its own priority: a busy machine never leaves the run waiting on an idle
/// thread. A plain POSIX thread, not Foundation's: TormemData stays free of Foundation.
final class FileDigests: @unchecked Sendable {  // `work` and `takeOver` are guarded by `mutex`
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let stopped = DispatchSemaphore(value: 0)
    private var work: Work?
    private var takeOver = false
    private var started = false
    /// The digests once waited for (`wait` again returns them).
    private var done: [String: String]?

    /// Starts hashing the regular files among `paths`.
    init(_ paths: [String]) {
        pthread_mutex_init(mutex, nil)
        let regular = Array(Set(paths.filter(FileDigests.isRegular))).sorted()
        guard !regular.isEmpty else { return }
        started = true
        // A thread of its own, not the shared pool the loader splits a file on.
        let body = Unmanaged.passRetained(Body { [self] in
            FileDigests.idlePriority()
            var work = Work(paths: regular)
            while !locked({ takeOver }), work.step() {}
            locked { self.work = work }
            stopped.signal()
        }).toOpaque()
        #if os(Linux)
        var thread = pthread_t()
        let created = pthread_create(&thread, nil, { Body.run($0) }, body)
        #else
        var thread: pthread_t?
        let created = pthread_create(&thread, nil, { Body.run($0) }, body)
        #endif
        if created == 0 {
            pthread_detach(thread)
        } else {
            // No thread: `wait` hashes every file itself.
            Unmanaged<Body>.fromOpaque(body).release()
            work = Work(paths: regular)
            stopped.signal()
        }
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// The digests by path, once computed: what the thread has not hashed yet is hashed here. Called
    /// from one thread at a time.
    func wait() -> [String: String] {
        if let done { return done }
        guard started else { done = [:]; return [:] }
        locked { takeOver = true }
        stopped.wait()
        guard var work = locked({ self.work.take() }) else { done = [:]; return [:] }
        while work.step() {}
        done = work.digests
        return work.digests
    }

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }

    /// A regular file by `stat` (which opens nothing).
    static func isRegular(_ path: String) -> Bool {
        guard path != "-" else { return false }
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// The SHA-256 of a regular file, read in pieces (memory stays small whatever its size); nil
    /// when it cannot be read.
    static func digest(of path: String) -> String? {
        guard let opened = try? RegularFile.open(path) else { return nil }
        defer { close(opened.fd) }
        var h = SHA256()
        let size = 1 << 20
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        defer { buffer.deallocate() }
        while true {
            let n = read(opened.fd, buffer, size)
            if n < 0, errno == EINTR { continue }
            if n < 0 { return nil }
            if n == 0 { return h.hexDigest() }
            h.update(UnsafeBufferPointer(start: buffer, count: n))
        }
    }

    /// Runs the calling thread only when a core would otherwise be idle (best effort; Linux).
    private static func idlePriority() {
        #if os(Linux)
        var param = sched_param()
        _ = pthread_setschedparam(pthread_self(), 5 /* SCHED_IDLE */, &param)
        #endif
    }

    /// What the hashing thread runs, handed to it through `pthread_create`'s one pointer.
    private final class Body: @unchecked Sendable {  // read only by the thread it is handed to
        let body: @Sendable () -> Void

        init(_ body: @escaping @Sendable () -> Void) { self.body = body }

        #if os(Linux)
        static func run(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
            Unmanaged<Body>.fromOpaque(context!).takeRetainedValue().body()
            return nil
        }
        #else
        static func run(_ context: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? {
            Unmanaged<Body>.fromOpaque(context).takeRetainedValue().body()
            return nil
        }
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
            // The end of the file, or an error reading it (no digest: the caller reads it again).
            if n == 0 { digests[paths[next]] = current.hash.hexDigest() }
            close(current.fd)
            next += 1
            return true
        }
    }
}
