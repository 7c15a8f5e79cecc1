import Foundation

/// A small HTTP/1.1 server of the tests' own, on a loopback address and an ephemeral port, that
/// answers each request as `reply` scripts it: well, badly or not at all (`HostileReply`). A thread
/// accepts, a thread per connection answers, one request per connection (`Connection: close`).
/// It records every request it reads (method, target, headers) so tests can check what a client
/// sent. `stop()` closes the listener and every open connection and waits for the threads.
public final class HostileHTTPServer: @unchecked Sendable {
    /// A request as read: the method, the target (`/api/v1/query?…`) and the headers (names in
    /// lowercase).
    public struct Request: Sendable {
        public var method: String
        public var target: String
        public var headers: [String: String]
        /// The target without its query.
        public var path: String { String(target.prefix { $0 != "?" }) }
    }

    /// The address it listens on (`127.0.0.1`, or another loopback address such as `127.0.0.2`).
    public let host: String
    public let port: Int
    /// `http://HOST:PORT`.
    public var url: String { "http://\(host):\(port)" }

    private let listener: Int32
    private let reply: @Sendable (Request) -> HostileReply
    private let lock = NSLock()
    private var received: [Request] = []
    private var open: Set<Int32> = []
    private var threads = 0
    private var stopped = false

    /// Listens on `host` (an IPv4 loopback address) and answers every request with `reply`.
    public init(host: String = "127.0.0.1", reply: @escaping @Sendable (Request) -> HostileReply) throws {
        self.host = host
        self.reply = reply
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw PrometheusServer.Failure(description: "socket failed") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr(host)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, 16) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard ok else {
            close(fd)
            throw PrometheusServer.Failure(description: "cannot listen on \(host): errno \(errno)")
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        started()
        Thread { [self] in accepting() }.start()
    }

    /// A server answering every request with the same reply.
    public convenience init(host: String = "127.0.0.1", always: HostileReply) throws {
        try self.init(host: host) { _ in always }
    }

    deinit { stop() }

    /// The requests read so far, in order.
    public var requests: [Request] { lock.withLock { received } }

    /// Closes the listener and the open connections; returns once every thread has ended (5 s at most).
    public func stop() {
        let fds: Set<Int32>? = lock.withLock {
            if stopped { return nil }
            stopped = true
            return open
        }
        guard let fds else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        for fd in fds { shutdown(fd, Int32(SHUT_RDWR)) }
        let deadline = Date().addingTimeInterval(5)
        while lock.withLock({ threads }) > 0, Date() < deadline { usleep(10_000) }
        close(listener)
    }

    var isStopped: Bool { lock.withLock { stopped } }

    private func started() { lock.withLock { threads += 1 } }

    private func ended(_ fd: Int32?) {
        lock.withLock {
            threads -= 1
            if let fd { open.remove(fd) }
        }
        if let fd { close(fd) }
    }

    private func accepting() {
        defer { ended(nil) }
        while !isStopped {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                if errno == EINTR { continue }
                return
            }
            let taken: Bool = lock.withLock {
                if stopped { return false }
                open.insert(fd)
                threads += 1
                return true
            }
            guard taken else { close(fd); return }
            Thread { [self] in
                defer { ended(fd) }
                serve(HostileConnection(fd: fd, server: self))
            }.start()
        }
    }

    private func serve(_ connection: HostileConnection) {
        guard let request = connection.readRequest() else { return }
        lock.withLock { received.append(request) }
        connection.send(reply(request))
    }
}
