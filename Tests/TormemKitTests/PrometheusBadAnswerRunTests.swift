import Foundation
import Testing
import TormemTestSupport

/// `tormem-charts --prometheus` through the real binary against the tests' own hostile server:
/// each bad answer exits 3 naming the URL, writes nothing, and the secret of `--bearer-token-file`
/// shows nowhere, neither when the run fails nor when it succeeds.
@Suite struct PrometheusBadAnswerRunTests {
    static let token = "s3cr3t-t0ken-42"
    static let t0: Int64 = 1_767_225_600    // 2026-01-01T00:00
    static let window = ["--since", "2026-01-01T00:00", "--until", "2026-01-01T12:00"]

    /// A token file (mode 600) in a new folder; the folder.
    static func folderWithToken(_ name: String = #function) throws -> (folder: String, token: String) {
        let folder = try temporaryFolder(name)
        try write(token + "\n", to: folder + "/token")
        chmod(folder + "/token", 0o600)
        return (folder, folder + "/token")
    }

    /// Every byte of every file under `folder` (but the token file) and of the run's output.
    static func everything(_ folder: String, _ r: RunResult) -> String {
        var text = r.stdout + r.stderr
        let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
        for f in files where f != "token" {
            text += String(decoding: bytes(folder + "/" + f) ?? [], as: UTF8.self)
        }
        return text
    }

    @Test(arguments: [
        (HostileReply.prometheusError(status: 503, type: "unavailable", error: "too many queries"), "HTTP 503: unavailable: too many queries"),
        (.answer(status: 200, headers: [("Content-Type", "text/html")], body: Array("<html>Sign in</html>".utf8)),
         #"not a Prometheus JSON response: it starts "<html>Sign in</html>" (an HTML page: a login page or a proxy in front of the server? see --bearer-token-file, --basic-auth-file)"#),
        (.answer(status: 401, headers: [], body: []),
         "HTTP 401: the server refused the credentials (check --bearer-token-file, --basic-auth-file, --tenant)"),
        (.silence, "no answer within 1 s (--timeout)"),
        (.endless(piece: [UInt8](repeating: 0x20, count: 1 << 16), every: 0), "the answer is larger than 32 MiB; narrow --match or the window"),
    ])
    func aBadAnswerExitsThreeNamingTheURLWritingNothing(reply: HostileReply, says: String) throws {
        let server = try HostileHTTPServer(always: reply)
        defer { server.stop() }
        let (folder, token) = try Self.folderWithToken()
        // A second for the silent server; 32 MiB of an endless body may take longer on a loaded machine.
        let timeout = if case .silence = reply { "1" } else { "60" }
        let r = try run(["--prometheus", server.url, "--bearer-token-file", token, "--timeout", timeout, "--output-dir", folder + "/charts",
                         "--json", folder + "/run.json"] + Self.window)
        #expect(r.status == 3, "\(r.stderr)")
        // An endless body ends at the cap, or (a debug build on a loaded machine receives 32 MiB slowly)
        // at --timeout: bounded either way. The cap's own message is checked in process
        // (PrometheusBadAnswerTests), where it is reached in well under a second.
        var accepted = [says]
        if case .endless = reply { accepted.append("no answer within 60 s (--timeout)") }
        #expect(accepted.map { "tormem-charts: error: \(server.url)/api/v1/query: \($0)\n" }.contains(r.stderr), "\(r.stderr)")
        #expect(listing(folder) == ["token"])
        #expect(!Self.everything(folder, r).contains(Self.token))
        #expect(server.requests.first?.headers["authorization"] == "Bearer " + Self.token)
    }

    @Test func aRedirectToAnotherHostWithTheTokenIsNotFollowed() throws {
        let other = try HostileHTTPServer(host: "127.0.0.2", always: .json("{}"))
        defer { other.stop() }
        let server = try HostileHTTPServer(always: .redirect(other.url + "/api/v1/query"))
        defer { server.stop() }
        let (folder, token) = try Self.folderWithToken()
        let r = try run(["--prometheus", server.url, "--bearer-token-file", token, "--output-dir", folder + "/charts"] + Self.window)
        #expect(r.status == 3)
        #expect(r.stderr == "tormem-charts: error: \(server.url)/api/v1/query: redirected to \(other.url)/api/v1/query on another host (or port, or scheme): "
                + "not followed, as the request carries credentials (give that URL to --prometheus if it is meant)\n")
        #expect(other.requests.isEmpty)
        #expect(listing(folder) == ["token"])
    }

    @Test func anUnusableTokenFileIsNamedNotShown() throws {
        let (folder, token) = try Self.folderWithToken()
        try write(Self.token + "\nsecond\n", to: token)
        let r = try run(["--prometheus", "http://127.0.0.1:9", "--bearer-token-file", token, "--output-dir", folder + "/charts"])
        #expect(r.status == 3)
        #expect(r.stderr == "tormem-charts: error: \(token): more than one line (--bearer-token-file): expected the token on one line\n")
        #expect(!Self.everything(folder, r).contains(Self.token))
    }

    /// A run that succeeds with the token: charts, summary and --json hold no trace of it; the
    /// server's warning is printed once, and so is the token file's mode that lets others read it.
    @Test func aSucceedingRunWritesNoSecret() throws {
        let samples = (0..<12).map { (Self.t0 + Int64($0) * 3600, String(1_073_741_824 + $0 * 1_048_576)) }
        let relays = HostileReply.matrix([
            (["__name__": "tor_relay_rss_bytes", "instance": "h", "nickname": "a", "fingerprint": String(repeating: "A", count: 40)], samples),
            (["__name__": "tor_relay_rss_bytes", "instance": "h", "nickname": "b", "fingerprint": String(repeating: "B", count: 40)], samples),
        ], warnings: ["partial: store 2 down"])
        let server = try HostileHTTPServer { $0.target.contains("relays_running") ? .matrix([], warnings: ["partial: store 2 down"]) : relays }
        defer { server.stop() }
        let (folder, token) = try Self.folderWithToken()
        chmod(token, 0o644)
        let r = try run(["--prometheus", server.url, "--bearer-token-file", token, "--tenant", "team-a", "--output-dir", folder + "/charts",
                         "--json", folder + "/run.json"] + Self.window)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.components(separatedBy: "the server warns: partial: store 2 down").count == 2, "\(r.stderr)")
        #expect(r.stderr.contains("\(token): holds a secret (--bearer-token-file) but others may read it (mode 644): chmod 600 it"), "\(r.stderr)")
        #expect(listing(folder + "/charts").count > 2, "\(listing(folder + "/charts"))")
        #expect(!Self.everything(folder, r).contains(Self.token))
        #expect(server.requests.allSatisfy { $0.headers["authorization"] == "Bearer " + Self.token && $0.headers["x-scope-orgid"] == "team-a" })
    }
}
