import Foundation
import TormemCore

/// How requests prove who asks: a bearer token or `user:password` for basic authentication, each
/// read from a file (`--bearer-token-file`, `--basic-auth-file`), and a tenant (`--tenant`, the
/// `X-Scope-OrgID` header of Mimir, Cortex and Loki-style multi-tenant engines). Secrets are never
/// taken from the command line and never written anywhere: a file that cannot be used is named,
/// its content never shown.
public struct PrometheusCredentials: Equatable, Sendable {
    public var bearerTokenFile: String?
    public var basicAuthFile: String?
    public var tenant: String?

    public init(bearerTokenFile: String? = nil, basicAuthFile: String? = nil, tenant: String? = nil) {
        self.bearerTokenFile = bearerTokenFile; self.basicAuthFile = basicAuthFile; self.tenant = tenant
    }

    /// Whether requests carry anything that identifies the asker.
    public var isEmpty: Bool { bearerTokenFile == nil && basicAuthFile == nil && tenant == nil }

    /// A secret file larger than this is not a token.
    static let maxFileBytes = 65_536

    /// The headers every request carries (`Authorization`, `X-Scope-OrgID`), the secret files read;
    /// a warning for a secret file that others may read (as ssh warns of its keys).
    func headers(warn: (Diagnostic) -> Void) throws(TormemError) -> [String: String] {
        var out: [String: String] = [:]
        if let path = bearerTokenFile {
            out["Authorization"] = "Bearer " + (try Self.secret(path, option: "--bearer-token-file", expected: "the token", warn: warn))
        }
        if let path = basicAuthFile {
            let pair = try Self.secret(path, option: "--basic-auth-file", expected: "user:password", warn: warn)
            guard let colon = pair.firstIndex(of: ":"), colon != pair.startIndex else {
                throw .input(Diagnostic(file: path, message: "expected user:password on one line (--basic-auth-file), with a user before the ':'"))
            }
            out["Authorization"] = "Basic " + Data(pair.utf8).base64EncodedString()
        }
        if let tenant { out["X-Scope-OrgID"] = tenant }
        return out
    }

    /// The one line of a secret file, without its line end; an input error naming the file (never
    /// showing its content) when it cannot be read, is empty or holds more than a line.
    static func secret(_ path: String, option: String, expected: String, warn: (Diagnostic) -> Void) throws(TormemError) -> String {
        func fail(_ why: String) -> TormemError { .input(Diagnostic(file: path, message: "\(why) (\(option)): expected \(expected) on one line")) }
        let fd: Int32
        do { fd = try RegularFile.open(path).fd } catch { throw .input(Diagnostic(file: path, message: "cannot be read (\(option)): \(error.reason)")) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & 0o077 != 0 {
            warn(Diagnostic(file: path, message: "holds a secret (\(option)) but others may read it (mode \(String(info.st_mode & 0o777, radix: 8))): chmod 600 it"))
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while bytes.count <= maxFileBytes {
            let n = read(fd, &buffer, buffer.count)
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw .input(Diagnostic(file: path, message: "cannot be read (\(option)): \(SystemError.text(errno))"))
            }
            if n == 0 { break }
            bytes += buffer[0..<n]
        }
        guard bytes.count <= maxFileBytes else { throw fail("larger than \(maxFileBytes / 1024) KiB") }
        if bytes.last == 0x0A { bytes.removeLast() }
        if bytes.last == 0x0D { bytes.removeLast() }
        guard !bytes.isEmpty else { throw fail("empty") }
        guard !bytes.contains(0x0A) else { throw fail("more than one line") }
        guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { throw fail("holds control characters") }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw fail("not UTF-8 text") }
        return text
    }
}
