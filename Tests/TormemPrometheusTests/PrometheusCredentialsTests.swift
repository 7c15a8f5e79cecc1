import Foundation
import Testing
import TormemCore
@testable import TormemPrometheus

/// The credentials' files into headers: one line, its line end dropped; a file that cannot be used
/// is named and its content never shown; a file others may read is warned about.
@Suite struct PrometheusCredentialsTests {
    static let secret = "s3cr3t-t0ken"

    static func file(_ content: String, mode: mode_t = 0o600, name: String = #function) throws -> String {
        let path = NSTemporaryDirectory() + "tormem-secret-\(name.filter(\.isLetter))-\(UUID().uuidString.prefix(8))"
        try Data(content.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, mode)
        return path
    }

    static func headers(_ c: PrometheusCredentials) throws(TormemError) -> ([String: String], [Diagnostic]) {
        var warnings: [Diagnostic] = []
        let h = try c.headers { warnings.append($0) }
        return (h, warnings)
    }

    @Test func aBearerTokenFileGivesTheAuthorizationHeader() throws {
        for content in [Self.secret + "\n", Self.secret, Self.secret + "\r\n"] {
            let path = try Self.file(content)
            defer { unlink(path) }
            let (h, warnings) = try Self.headers(PrometheusCredentials(bearerTokenFile: path, tenant: "team-a"))
            #expect(h == ["Authorization": "Bearer " + Self.secret, "X-Scope-OrgID": "team-a"])
            #expect(warnings.isEmpty)
        }
    }

    @Test func aBasicAuthFileGivesBasicAuthentication() throws {
        let path = try Self.file("prom:pa55:word\n")
        defer { unlink(path) }
        let (h, _) = try Self.headers(PrometheusCredentials(basicAuthFile: path))
        #expect(h == ["Authorization": "Basic " + Data("prom:pa55:word".utf8).base64EncodedString()])
    }

    @Test func aTenantAloneIsItsHeader() throws {
        #expect(try Self.headers(PrometheusCredentials(tenant: "t1")).0 == ["X-Scope-OrgID": "t1"])
        #expect(try Self.headers(PrometheusCredentials()).0.isEmpty)
    }

    @Test(arguments: [
        ("", false, "empty (--bearer-token-file): expected the token on one line"),
        ("\n", false, "empty (--bearer-token-file): expected the token on one line"),
        (secret + "\nsecond line\n", false, "more than one line (--bearer-token-file): expected the token on one line"),
        (secret + "\u{1}", false, "holds control characters (--bearer-token-file): expected the token on one line"),
        (secret + "\n", true, "expected user:password on one line (--basic-auth-file), with a user before the ':'"),
        (":" + secret, true, "expected user:password on one line (--basic-auth-file), with a user before the ':'"),
    ])
    func anUnusableFileIsNamedNotShown(content: String, basic: Bool, says: String) throws {
        let path = try Self.file(content)
        defer { unlink(path) }
        let c = basic ? PrometheusCredentials(basicAuthFile: path) : PrometheusCredentials(bearerTokenFile: path)
        do {
            _ = try Self.headers(c)
            Issue.record("\(content.debugDescription) taken")
        } catch {
            #expect(error.exitCode == 3)
            #expect(error.description == path + ": " + says, "\(error)")
            #expect(!error.description.contains(Self.secret))
        }
    }

    @Test func aFileThatCannotBeReadIsNamed() {
        let path = NSTemporaryDirectory() + "tormem-no-such-token"
        #expect(throws: TormemError.input(Diagnostic(file: path, message: "cannot be read (--bearer-token-file): no such file or directory"))) {
            try Self.headers(PrometheusCredentials(bearerTokenFile: path))
        }
        #expect(throws: TormemError.input(Diagnostic(file: "/", message: "cannot be read (--basic-auth-file): a directory, not a regular file"))) {
            try Self.headers(PrometheusCredentials(basicAuthFile: "/"))
        }
    }

    @Test func aSecretOthersMayReadIsWarnedAbout() throws {
        let path = try Self.file(Self.secret, mode: 0o644)
        defer { unlink(path) }
        let (h, warnings) = try Self.headers(PrometheusCredentials(bearerTokenFile: path))
        #expect(h["Authorization"] == "Bearer " + Self.secret)
        #expect(warnings == [Diagnostic(file: path, message: "holds a secret (--bearer-token-file) but others may read it (mode 644): chmod 600 it")])
    }
}
