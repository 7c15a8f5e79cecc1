import Foundation

/// One connection of `HostileHTTPServer`: reads a request's head, sends a `HostileReply`.
struct HostileConnection {
    let fd: Int32
    let server: HostileHTTPServer

    /// The request line and headers (a body is not read); nil when the client sends no full head.
    func readRequest() -> HostileHTTPServer.Request? {
        var head: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let end: [UInt8] = [13, 10, 13, 10]
        while head.count < 65_536 {
            if let range = head.firstRange(of: end) {
                head.removeSubrange(range.lowerBound...)
                break
            }
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { return nil }
            head += buffer[0..<n]
        }
        let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
        let first = lines[0].split(separator: " ")
        guard first.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return HostileHTTPServer.Request(method: String(first[0]), target: String(first[1]), headers: headers)
    }

    func send(_ reply: HostileReply) {
        func head(_ status: Int, _ headers: [(String, String)]) -> [UInt8] {
            var text = "HTTP/1.1 \(status) \(HostileReply.reason(status))\r\nConnection: close\r\n"
            for (k, v) in headers { text += "\(k): \(v)\r\n" }
            return Array((text + "\r\n").utf8)
        }
        switch reply {
        case .answer(let status, let headers, let body):
            _ = write(head(status, headers + [("Content-Length", "\(body.count)")]) + body)
        case .raw(let bytes):
            _ = write(bytes)
        case .cutShort(let declared, let body):
            _ = write(head(200, [("Content-Type", "application/json"), ("Content-Length", "\(declared)")]) + body)
        case .chunked(let pieces):
            var out = head(200, [("Content-Type", "application/json"), ("Transfer-Encoding", "chunked")])
            for p in pieces where !p.isEmpty { out += Array((String(p.count, radix: 16) + "\r\n").utf8) + p + [13, 10] }
            _ = write(out + Array("0\r\n\r\n".utf8))
        case .endless(let piece, let every):
            guard write(head(200, [("Content-Type", "application/json")])) else { return }
            while !server.isStopped, write(piece) {
                if every > 0 { usleep(useconds_t(every * 1_000_000)) }
            }
        case .silence:
            waitForClose()
        }
        shutdown(fd, Int32(SHUT_WR))
        drain()
    }

    /// All of `bytes` written; false once the client has gone.
    func write(_ bytes: [UInt8]) -> Bool {
        var at = 0
        while at < bytes.count {
            let n = bytes[at...].withUnsafeBytes { Foundation.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            at += n
        }
        return true
    }

    /// Waits until the client closes the connection or the server stops.
    func waitForClose() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !server.isStopped {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&p, 1, 100) > 0 {
                if recv(fd, &buffer, buffer.count, 0) <= 0 { return }
            }
        }
    }

    /// Reads what the client still sends until it closes (a second at most), so that closing does
    /// not reset a connection whose answer the client has not read yet.
    func drain() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(1)
        while Date() < deadline, !server.isStopped {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&p, 1, 50) > 0, recv(fd, &buffer, buffer.count, 0) <= 0 { return }
        }
    }
}
