import Glibc
import TormemTestSupport

/// A child process started with `posix_spawn` and a clean signal state. (Test threads run with most
/// signals blocked and a spawned child would inherit that mask: a shell could then never see its
/// children end, and a signal sent to `tormem watch` would stay pending.)
struct ChildProcess {
    let pid: pid_t
    /// The read end of the child's standard output, when captured with a pipe.
    let output: Int32?

    enum Stdio { case inherit, pipe, file(String) }

    /// `environment` (`NAME=value`) replaces the test process's environment when given.
    init(_ path: String, _ arguments: [String], stdout: Stdio = .inherit, stderr: Stdio = .inherit,
         environment: [String]? = nil) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGINT, SIGTERM, SIGPIPE, SIGCHLD, SIGHUP, SIGQUIT] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var closeInParent: [Int32] = []
        var readEnd: Int32?
        for (fd, stdio) in [(Int32(1), stdout), (Int32(2), stderr)] {
            switch stdio {
            case .inherit: break
            case .pipe:
                var fds: [Int32] = [0, 0]
                guard pipe(&fds) == 0 else { throw SpawnError(message: "pipe failed") }
                posix_spawn_file_actions_adddup2(&actions, fds[1], fd)
                posix_spawn_file_actions_addclose(&actions, fds[0])
                posix_spawn_file_actions_addclose(&actions, fds[1])
                closeInParent.append(fds[1])
                if fd == 1 { readEnd = fds[0] }
            case .file(let path):
                let f = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                guard f >= 0 else { throw SpawnError(message: "cannot open \(path)") }
                posix_spawn_file_actions_adddup2(&actions, f, fd)
                posix_spawn_file_actions_addclose(&actions, f)
                closeInParent.append(f)
            }
        }
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        let envp: [UnsafeMutablePointer<CChar>?]? = environment.map { $0.map { strdup($0) } + [nil] }
        defer { envp?.forEach { free($0) } }
        var child: pid_t = 0
        let rc = envp.map { posix_spawn(&child, path, &actions, &attributes, argv, $0) }
            ?? posix_spawn(&child, path, &actions, &attributes, argv, environ)
        for f in closeInParent { close(f) }
        guard rc == 0 else {
            if let readEnd { close(readEnd) }
            throw SpawnError(message: "posix_spawn \(path): \(String(cString: strerror(rc)))")
        }
        pid = child
        output = readEnd
    }

    /// Reads standard output until `done` says enough, or end of file. Returns what was read.
    func read(until done: (String) -> Bool) -> String {
        guard let output else { return "" }
        var text = ""
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !done(text) {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(output, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            text += String(decoding: buffer[0..<n], as: UTF8.self)
        }
        return text
    }

    /// Reads and drops the rest of standard output, then closes it.
    func drain() {
        _ = read(until: { _ in false })
        if let output { close(output) }
    }

    enum Ending: Equatable { case exit(Int32), signal(Int32) }

    /// Waits for the child to end.
    func wait() -> Ending {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return .signal(-1) }
        }
        if status & 0x7f == 0 { return .exit((status >> 8) & 0xff) }
        return .signal(status & 0x7f)
    }

    /// Runs `path` to its end and gives its own peak resident memory in KiB. Not `wait4` on a
    /// child spawned from here: posix_spawn's vfork child shares the test process's memory, and
    /// Linux carries that memory's high-water mark over exec into the child's `ru_maxrss`. A
    /// small python3 forks and execs it instead, and reports the `wait4` of that grandchild.
    static func runMeasured(_ path: String, _ arguments: [String], stdout: Stdio, stderr: Stdio) throws -> (ending: Ending, peakKiB: Int) {
        let pythons: [String] = ["/usr/bin/python3", "/usr/local/bin/python3"]
        guard let python = pythons.first(where: { access($0, X_OK) == 0 }) else {
            throw SpawnError(message: "python3 is needed to measure a child's peak memory (make test-deps installs it)")
        }
        var template = Array("/tmp/tormem-peak-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw SpawnError(message: "mkstemp failed") }
        close(fd)
        let peakFile = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
        defer { unlink(peakFile) }
        let script = PeakMemory.script
        let child = try ChildProcess(python, ["-c", script, peakFile, path] + arguments, stdout: stdout, stderr: stderr)
        let ending = child.wait()
        var text = [UInt8](repeating: 0, count: 32)
        let f = open(peakFile, O_RDONLY)
        let n = f < 0 ? 0 : Glibc.read(f, &text, 31)
        if f >= 0 { close(f) }
        return (ending, Int(String(decoding: text.prefix(max(0, n)), as: UTF8.self)) ?? 0)
    }

    func signal(_ s: Int32) { kill(pid, s) }
}

struct SpawnError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
