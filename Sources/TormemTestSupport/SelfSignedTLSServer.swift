import Foundation

/// `openssl s_server -www` on a free loopback port with a self-signed certificate made for it (by
/// `openssl req -x509`), so tests can see a client refuse a certificate no CA of the system signed.
/// `stop()` ends it by its PID and removes the folder of its key and certificate.
public final class SelfSignedTLSServer: @unchecked Sendable {
    /// `https://127.0.0.1:PORT`.
    public let url: String
    public let folder: String
    private let process: Process

    public static var isInstalled: Bool { PrometheusServer.tool(named: "openssl") != nil }
    public static let missing = "openssl is not installed: the test of an untrusted certificate skipped"

    public init() throws {
        guard let openssl = PrometheusServer.tool(named: "openssl") else { throw PrometheusServer.Failure(description: Self.missing) }
        var template = Array((NSTemporaryDirectory() + "/tormem-tls-XXXXXX").utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw PrometheusServer.Failure(description: "mkdtemp failed")
        }
        folder = String(cString: template)
        let (status, output) = try PrometheusServer.run(openssl, [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", folder + "/key.pem", "-out", folder + "/cert.pem",
            "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"])
        guard status == 0 else { throw PrometheusServer.Failure(description: "openssl req failed: \(output)") }
        let port = try PrometheusServer.freePort()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: openssl)
        p.arguments = ["s_server", "-accept", "127.0.0.1:\(port)", "-cert", folder + "/cert.pem", "-key", folder + "/key.pem", "-www", "-quiet"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        process = p
        url = "https://127.0.0.1:\(port)"
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, p.isRunning, !Self.accepts(port) { usleep(50_000) }
        guard Self.accepts(port) else {
            stop()
            throw PrometheusServer.Failure(description: "openssl s_server did not listen on \(port)")
        }
    }

    deinit { stop() }

    /// Ends it by its PID and removes its folder. SIGKILL: it keeps nothing, and started by
    /// Foundation's `Process` it was seen to outlive SIGTERM (the tests waited 10 s for it).
    public func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Whether something accepts connections on the loopback port.
    static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
