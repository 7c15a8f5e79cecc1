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
        let om = try #require(try ExportJob.openMetrics(data: [csv], output: "-"))
        return (csv, om)
    }

    static func json(_ r: RunResult, _ what: String) throws -> [String: JSONParser.Value] {
        #expect(r.status == 0, "\(what): \(r.stderr)")
        return try JSONParser.parse(Array(r.stdout.utf8)).object ?? [:]
    }

    /// Every key but the warnings (which name the input: the file or the server).
    static func same(_ a: [String: JSONParser.Value], _ b: [String: JSONParser.Value], _ what: String) {
        #expect(a.keys.sorted() == b.keys.sorted(), "\(what)")
        for key in b.keys.sorted() where key != "warnings" { #expect(a[key] == b[key], "\(what): \(key)") }
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
}
