import Foundation
import Testing
import TormemCore
import TormemTestSupport
@testable import TormemKit

/// `draw --prometheus --side-files` and `report --new --prometheus` end to end against a real
/// Prometheus: the side files count as for a CSV file; a report folder keeps a snapshot of the
/// samples and the query (never a secret), is drawn and checked offline, and `--refresh` asks again.
@Suite(.serialized, .enabled(if: PrometheusServer.isInstalled, Comment(rawValue: PrometheusServer.missing)))
struct PrometheusReportTests {
    static let window = ["--since", "2025-12-26", "--until", "2026-01-02T07:00"]

    /// The fixture's rows before `before` (all of them when nil) as a CSV file in `folder`, and
    /// their export.
    static func part(of fixture: String, before: String?, in folder: String) throws -> (csv: String, openMetrics: String) {
        let text = try String(contentsOfFile: Fixtures.url(fixture), encoding: .utf8)
        let lines = text.split(separator: "\n")
        let kept = [lines[0]] + lines.dropFirst().filter { before == nil || $0.prefix(19) < before! }
        let csv = folder + "/part-\(before ?? "all").csv"
        try write(kept.joined(separator: "\n") + "\n", to: csv)
        let om = try ExportJob.openMetricsText(data: [csv])
        return (csv, om)
    }

    static func json(_ r: RunResult, _ what: String) throws -> [String: JSONParser.Value] {
        #expect(r.status == 0, "\(what): \(r.stderr)")
        return try JSONParser.parse(Array(r.stdout.utf8)).object ?? [:]
    }

    /// Every key but the warnings (which name the input: the file or the server); the side files by
    /// their names in their folder (the folder's copies, or the ones given).
    static func same(_ a: [String: JSONParser.Value], _ b: [String: JSONParser.Value], _ what: String) {
        #expect(a.keys.sorted() == b.keys.sorted(), "\(what)")
        for key in b.keys.sorted() where key != "warnings" { #expect(named(a[key]) == named(b[key]), "\(what): \(key)") }
    }

    /// A value with every `file` named by its last component.
    static func named(_ v: JSONParser.Value?) -> JSONParser.Value? {
        switch v {
        case .array(let list)?: return .array(list.map { named($0)! })
        case .object(var o)?:
            if let f = o["file"]?.string { o["file"] = .string(String(f.split(separator: "/").last ?? "")) }
            return .object(o)
        default: return v
        }
    }

    /// Every file of a folder with its bytes.
    static func contents(_ folder: String) -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        for f in FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? [] {
            if let b = bytes(folder + "/" + f) { out[f] = b }
        }
        return out
    }

    @Test func sideFilesComeFromTheFolderGivenAsForACSVFile() throws {
        let folder = try temporaryFolder()
        let (csv, om) = try Self.part(of: "real-2025-09-18/measurements.csv", before: nil, in: folder)
        let server = try PrometheusServer(openMetrics: om)
        defer { server.stop() }
        let side = Fixtures.url("real-2025-09-18")
        let window = ["--since", "2025-09-09", "--until", "2025-09-18"]
        let out = ["--output-dir", folder + "/charts", "--json", "-"]
        let fromServer = try Self.json(try run(["--prometheus", server.url, "--side-files", side] + window + out), "server")
        let fromCSV = try Self.json(try run(["--data", csv, "--side-files", side] + window + out), "csv")
        Self.same(fromServer, fromCSV, "--side-files")
        guard case .array(let used)? = fromServer["side_files"] else { Issue.record("no side_files"); return }
        #expect(used.count == 2, "\(used)")   // experiment.json and relay_config.csv
        // Without side files, the groups of the series' group label.
        let bare = try Self.json(try run(["--prometheus", server.url] + window + out), "bare")
        #expect(bare["side_files"] == .array([]))
        #expect(bare["groups"] != nil && bare["groups"] != fromServer["groups"])
        // Each side file is in the charts' fingerprint: another relay_config.csv makes them stale.
        let sideCopy = folder + "/side"
        try FileManager.default.copyItem(atPath: side, toPath: sideCopy)
        let drawn = try run(["--prometheus", server.url, "--side-files", sideCopy, "--output-dir", folder + "/c2"] + window)
        #expect(drawn.status == 0, "\(drawn.stderr)")
        let stamp = try #require(listing(folder + "/c2").first { $0.hasSuffix(".png") })
        let before = try #require(bytes(folder + "/c2/" + stamp))
        try write("fingerprint,nickname,group\n,22gz,Z\n", to: sideCopy + "/relay_config.csv")
        _ = try run(["--prometheus", server.url, "--side-files", sideCopy, "--output-dir", folder + "/c2"] + window)
        #expect(bytes(folder + "/c2/" + stamp) != before)
    }

    /// A folder from a server holding the first days: its charts are the server's, its tormem.json
    /// keeps the query and no secret, it is checked offline; the server then holds every day:
    /// `--refresh --check` says the snapshot is behind, `--refresh` rewrites it; a failed refresh
    /// leaves the folder as it was.
    @Test func aReportFolderKeepsASnapshotAndTheQueryAndRefreshes() throws {
        let folder = try temporaryFolder(), reports = folder + "/reports"
        let fixture = "synthetic/unified_12relays_7days.csv"
        let (_, firstDays) = try Self.part(of: fixture, before: "2025-12-30", in: folder)
        let side = folder + "/side"
        try FileManager.default.createDirectory(atPath: side, withIntermediateDirectories: true)
        try write("timestamp,event_type,description,group\n2025-12-27T00:00:00,config_change,restarted,all\n", to: side + "/events.csv")
        let token = folder + "/secret-token-file"
        try write("s3cret\n", to: token)
        let out = ["--output-dir", folder + "/charts", "--json", "-"]
        var server = try PrometheusServer(openMetrics: firstDays)
        defer { server.stop() }

        let made = try run(["report", "--new", "fleet", "--prometheus", server.url, "--bearer-token-file", token, "--tenant", "tenant-x",
                            "--timeout", "20", "--side-files", side, "--reports-dir", reports] + Self.window)
        #expect(made.status == 0, "\(made.stderr)")
        let dir = reports + "/2025-12-26-relayhost-fleet"   // the one server; the window's first day
        #expect(made.stdout.contains("copied \(side)/events.csv → \(dir)/events.csv"), "\(made.stdout)")
        #expect(Set(listing(dir)).isSuperset(of: ["data.csv", "events.csv", "tormem.json", "charts", "README.md", "REPORT.md"]))
        let settings = String(decoding: bytes(dir + "/tormem.json") ?? [], as: UTF8.self)
        #expect(settings.contains("\"prometheus\": {") && settings.contains("\"url\": \"\(server.url)\""), "\(settings)")
        #expect(settings.contains("\"since\": \"2025-12-26\"") && settings.contains("\"until\": \"2026-01-02T07:00\""), "\(settings)")
        for secret in ["s3cret", "secret-token-file", "tenant-x", "timeout"] { #expect(!settings.contains(secret), "\(secret)") }
        let readme = String(decoding: bytes(dir + "/README.md") ?? [], as: UTF8.self)
        #expect(readme.contains("| Snapshot of | Prometheus \(server.url) (`report DIR --refresh` reads it again) |"), "\(readme)")
        for secret in ["s3cret", "secret-token-file", "tenant-x"] { #expect(!readme.contains(secret), "\(secret)") }

        // The snapshot's charts are the server's: the same --json, drawn from the folder or its data file.
        let fromServer = try Self.json(try run(["--prometheus", server.url, "--side-files", side] + Self.window + out), "server")
        let fromSnapshot = try Self.json(try run(["--data", dir + "/data.csv"] + Self.window + out), "snapshot")
        Self.same(fromSnapshot, fromServer, "snapshot")
        let fromFolder = try Self.json(try run(["report", dir, "--json", "-"]), "folder")
        for key in ["relays", "servers", "period", "groups", "side_files", "window"] {
            #expect(Self.named(fromFolder[key]) == Self.named(fromServer[key]), "\(key)")
        }
        // The same samples, the same bytes.
        let again = try run(["report", "--new", "again", "--prometheus", server.url, "--host", "h", "--reports-dir", folder + "/other"] + Self.window)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(bytes(folder + "/other/2025-12-26-h-again/data.csv") == bytes(dir + "/data.csv"))

        // Offline: current; a refresh fails (exit 3) and changes nothing.
        let port = server.port
        server.stop()
        let check = try run(["regenerate", reports, "--check"])
        #expect(check.status == 0, "\(check.stderr)")
        let before = Self.contents(dir)
        let failed = try run(["report", dir, "--refresh"])
        #expect(failed.status == 3, "\(failed.stderr)")
        #expect(Self.contents(dir) == before)

        // The server again, with every day: the snapshot is behind, then refreshed.
        let (_, everyDay) = try Self.part(of: fixture, before: nil, in: folder)
        server = try PrometheusServer(openMetrics: everyDay, port: port)
        let behind = try run(["report", dir, "--refresh", "--check"])
        #expect(behind.status == 1, "\(behind.stderr)")
        #expect(behind.stderr.contains("\(dir)/data.csv: the server's samples differ from the snapshot"), "\(behind.stderr)")
        #expect(Self.contents(dir) == before)
        let refreshed = try run(["report", dir, "--refresh", "--bearer-token-file", token])
        #expect(refreshed.status == 0, "\(refreshed.stderr)")
        #expect(refreshed.stdout.contains("wrote \(dir)/data.csv"), "\(refreshed.stdout)")
        #expect(bytes(dir + "/data.csv") != before["data.csv"])
        #expect(bytes(dir + "/tormem.json") == before["tormem.json"])
        #expect(try run(["regenerate", reports, "--check"]).status == 0)
        let full = try Self.json(try run(["--prometheus", server.url, "--side-files", side] + Self.window + out), "server, every day")
        Self.same(try Self.json(try run(["--data", dir + "/data.csv"] + Self.window + out), "refreshed"), full, "refreshed")
        #expect(try run(["report", dir, "--refresh", "--check"]).status == 0)

        // --last is resolved when the snapshot is taken: tormem.json holds absolute times.
        let last = try run(["report", "--new", "last", "--prometheus", server.url, "--until", "2026-01-02T07:00", "--last", "2d",
                            "--reports-dir", folder + "/last"])
        #expect(last.status == 0, "\(last.stderr)")
        let lastSettings = String(decoding: bytes(folder + "/last/2025-12-31-relayhost-last/tormem.json") ?? [], as: UTF8.self)
        #expect(lastSettings.contains("\"since\": \"2025-12-31T07:00:00\"") && !lastSettings.contains("\"last\""), "\(lastSettings)")
    }
}

/// What needs no server: `--refresh` of a folder without a kept query, and the options' checks.
@Suite struct PrometheusReportCheckTests {
    @Test func refreshingAFolderWithoutAQueryIsAUsageError() throws {
        let folder = try ReportJob.create(reportsDir: try temporaryFolder() + "/reports", name: "plain", host: "co", date: "2025-09-18", data: realData)
        let r = try run(["report", folder.path, "--refresh"])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("keeps no Prometheus query"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.chartsPath))
    }

    @Test func aServerThatCannotBeReadCreatesNoFolder() throws {
        let reports = try temporaryFolder() + "/reports"
        let port = try PrometheusServer.freePort()
        let r = try run(["report", "--new", "x", "--prometheus", "http://127.0.0.1:\(port)", "--host", "h", "--date", "2025-01-01",
                         "--reports-dir", reports])
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains("http://127.0.0.1:\(port)/api/v1/query: cannot connect"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: reports))
    }

    @Test(arguments: [
        (["report", "--new", "x", "--prometheus", "http://127.0.0.1:9", "--data", "a.csv"], "give one source, not both"),
        (["report", "DIR", "--prometheus", "http://127.0.0.1:9"], "--prometheus is for --new NAME"),
        (["report", "DIR", "--refresh", "--match", "{a=\"b\"}"], "--match with --refresh"),
        (["report", "--new", "x", "--data", "a.csv", "--refresh"], "--refresh refreshes an existing folder"),
        (["report", "DIR", "--side-files", "side"], "--side-files is for --new"),
        (["report", "DIR", "--timeout", "5"], "--timeout is for --prometheus URL"),
        (["--data", "a.csv", "--side-files", ""], "--side-files '': expected a folder"),
    ])
    func badOptionsAreUsageErrors(arguments: [String], says: String) throws {
        let r = try run(arguments)
        #expect(r.status == 2, "\(arguments): \(r.stderr)")
        #expect(r.stderr.contains(says), "\(r.stderr)")
    }
}
