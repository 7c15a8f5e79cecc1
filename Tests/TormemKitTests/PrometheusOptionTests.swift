import Foundation
import Testing
import TormemCore
import TormemData
import TormemTestSupport
@testable import TormemKit

/// `draw --prometheus` end to end, against a real Prometheus backfilled with `export --openmetrics`
/// of a fixture (`promtool tsdb create-blocks-from openmetrics`): the same `--json` as the CSV run.
@Suite(.serialized, .enabled(if: PrometheusServer.isInstalled, Comment(rawValue: PrometheusServer.missing)))
struct PrometheusOptionTests {
    /// A fixture's data file copied alone into a new folder (no side files next to it: a Prometheus
    /// source has none), exported there, and a Prometheus backfilled with the export.
    static func backfilled(_ fixture: String, name: String = #function) throws -> (folder: String, csv: String, server: PrometheusServer) {
        let folder = try temporaryFolder(name)
        let csv = folder + "/data.csv"
        try FileManager.default.copyItem(atPath: Fixtures.url(fixture), toPath: csv)
        let export = try run(["export", "--openmetrics", "--data", csv, "--output", folder + "/backfill.om"])
        #expect(export.status == 0 && export.stdout.isEmpty, "\(export.stderr)")
        let text = try String(contentsOfFile: folder + "/backfill.om", encoding: .utf8)
        return (folder, csv, try PrometheusServer(openMetrics: text))
    }

    static func json(_ r: RunResult) throws -> JSONParser.Value {
        #expect(r.status == 0, "\(r.stderr)")
        return try JSONParser.parse(Array(r.stdout.utf8))
    }

    /// The whole of each fixture: the same document. A part of one (the last case): the same but for
    /// what the CSV run read and left out (the rows of the file, the samples outside the window), which
    /// the server never sends.
    @Test(arguments: [
        ("synthetic/unified_12relays_7days.csv", ["--since", "2025-12-26", "--until", "2026-01-02T07:00"], true),
        ("real-2025-09-18/measurements.csv", ["--since", "2025-09-09", "--until", "2025-09-18"], true),
        ("real-2025-09-18/measurements.csv", ["--since", "2025-09-12", "--until", "2025-09-16", "--metric", "hwm"], false),
        // The collector's fact gauges too: bandwidth, flags, weights, allocators and restarts.
        ("tradeoff/collected/measurements.csv", ["--since", "2026-03-01", "--until", "2026-03-11"], true),
    ])
    func givesTheJSONOfTheCSVRun(fixture: String, window: [String], whole: Bool) throws {
        let (folder, csv, server) = try Self.backfilled(fixture)
        defer { server.stop() }
        let out = ["--output-dir", folder + "/charts", "--json", "-"]
        let fromCSV = try Self.json(try run(["--data", csv] + window + out))
        let fromPrometheus = try Self.json(try run(["--prometheus", server.url] + window + out))
        let a = try #require(fromPrometheus.object), b = try #require(fromCSV.object)
        #expect(a.keys.sorted() == b.keys.sorted())
        for key in b.keys.sorted() where key != "warnings" && (whole || !["rows", "window"].contains(key)) {
            #expect(a[key] == b[key], "\(fixture) \(window): \(key)")
        }
        // Warnings name the input: the file, or the server.
        func warnings(_ doc: [String: JSONParser.Value], _ name: String) -> [String] {
            guard case .array(let list)? = doc["warnings"] else { return ["(none)"] }
            return list.compactMap(\.string).map { $0.replacingOccurrences(of: name, with: "INPUT") }
        }
        if whole {
            #expect(warnings(a, server.url) == warnings(b, csv))
        } else {
            // The CSV run counts the file's samples without a value, the server's those of the window.
            func digitless(_ list: [String]) -> [String] { list.map { $0.filter { !$0.isNumber } } }
            #expect(digitless(warnings(a, server.url)) == digitless(warnings(b, csv)))
        }
        if !whole {
            for key in ["from", "to", "samples_kept"] {
                #expect(a["window"]?.object?[key] == b["window"]?.object?[key], "window.\(key)")
            }
            #expect(a["window"]?.object?["samples_outside"] == .number(0))
        }
        if fixture.hasPrefix("tradeoff") {
            let groups = a["groups"]?.array?.compactMap(\.object) ?? []
            #expect(groups.first { $0["id"] == .string("B_dircache0") }?["bandwidth_mbps"] == .number(30), "\(groups)")
            #expect(groups.first { $0["id"] == .string("B_dircache0") }?["flags_lost"] == .array([.string("Guard"), .string("HSDir"), .string("V2Dir")]))
            #expect(a["events"]?.array?.contains { $0.object?["type"] == .string("restart") } == true)
        }
        guard case .number(let relays)? = fromPrometheus.object?["relays"] else { Issue.record("no relay count"); return }
        #expect(relays > 0)
    }

    /// An export's text with the gauges under the names tormem wrote before leaving tor's
    /// `tor_relay_*` namespace, keeping only the samples at times `keep` takes.
    static func former(_ text: String, keep: (Int64) -> Bool = { _ in true }) -> String {
        var names: [String: String] = [:]
        for m in Metric.allCases { names[m.prometheusName] = m.prometheusFormerName }
        for g in PrometheusAggregate.allCases { names[g.name] = g.formerName }
        return samples(text, keep: keep) { names[$0] ?? $0 }
    }

    /// The lines of an OpenMetrics text but `# EOF`, names renamed, samples at times `keep` takes.
    static func samples(_ text: String, keep: (Int64) -> Bool, rename: (String) -> String = { $0 }) -> String {
        var out = ""
        for line in text.split(separator: "\n") where line != "# EOF" {
            if line.hasPrefix("# ") {
                let words = line.split(separator: " ", maxSplits: 3)
                out += "# \(words[1]) \(rename(String(words[2]))) \(words[3])\n"
                continue
            }
            guard let t = line.split(separator: " ").last.flatMap({ Int64($0) }), keep(t) else { continue }
            let name = line.prefix { $0 != "{" && $0 != " " }
            out += rename(String(name)) + line.dropFirst(name.count) + "\n"
        }
        return out
    }

    /// Samples stored before the rename (`tor_relay_rss_bytes` & co.), and a transition where both
    /// names hold some days, overlapping by a day with the same values (a backfill over scraped
    /// days): the same `--json` as the CSV run, warnings included (no duplicate series to warn about).
    @Test(arguments: ["former names", "both names"])
    func formerNamesGiveTheJSONOfTheCSVRun(_ kind: String) throws {
        let folder = try temporaryFolder("former-\(kind.prefix(4))")
        let csv = folder + "/data.csv"
        try FileManager.default.copyItem(atPath: Fixtures.url("synthetic/unified_12relays_7days.csv"), toPath: csv)
        let text = try ExportJob.openMetricsText(data: [csv])
        #expect(text.contains("tormem_relay_resident_memory_bytes{") && !text.contains("tor_relay"))
        let switchover: Int64 = 1_767_000_000    // 2025-12-29T09:20: the new names from here, the former until a day later
        let stored = kind == "former names" ? Self.former(text) + "# EOF\n"
            : Self.samples(text, keep: { $0 >= switchover }) + Self.former(text, keep: { $0 < switchover + 86_400 }) + "# EOF\n"
        #expect(stored.contains("tor_relay_rss_bytes{") && stored.contains("tor_relays_rss_total_bytes{"))
        let server = try PrometheusServer(openMetrics: stored)
        defer { server.stop() }
        let out = ["--since", "2025-12-26", "--until", "2026-01-02T07:00", "--output-dir", folder + "/charts", "--json", "-"]
        let fromCSV = try Self.json(try run(["--data", csv] + out))
        let fromPrometheus = try Self.json(try run(["--prometheus", server.url] + out))
        let a = try #require(fromPrometheus.object), b = try #require(fromCSV.object)
        #expect(a.keys.sorted() == b.keys.sorted())
        for key in b.keys.sorted() where key != "warnings" { #expect(a[key] == b[key], "\(kind): \(key)") }
        func warnings(_ doc: [String: JSONParser.Value], _ name: String) -> [String] {
            guard case .array(let list)? = doc["warnings"] else { return [] }
            return list.compactMap(\.string).map { $0.replacingOccurrences(of: name, with: "INPUT") }
        }
        #expect(warnings(a, server.url) == warnings(b, csv), "\(kind)")
        #expect(!warnings(a, server.url).contains { $0.contains("duplicate") })
    }

    /// VictoriaMetrics (its import API, its Prometheus query API on its own port) gives the same.
    @Test(.enabled(if: VictoriaMetricsServer.isInstalled, Comment(rawValue: VictoriaMetricsServer.missing)))
    func victoriaMetricsGivesTheJSONOfTheCSVRun() throws {
        let folder = try temporaryFolder()
        let csv = Fixtures.url("synthetic/unified_12relays_7days.csv")
        let text = try ExportJob.openMetricsText(data: [csv])
        let server = try VictoriaMetricsServer(openMetrics: text)
        defer { server.stop() }
        let out = ["--since", "2025-12-26", "--until", "2026-01-02T07:00", "--output-dir", folder + "/charts", "--json", "-"]
        let fromCSV = try Self.json(try run(["--data", csv] + out))
        let fromVictoria = try Self.json(try run(["--prometheus", server.url] + out))
        #expect(fromVictoria == fromCSV)
    }

    /// Without a window, the last 30 days back from now: the fixture's days (in 2025) are older.
    @Test func theDefaultWindowIsTheLast30DaysBackFromNow() throws {
        let (folder, _, server) = try Self.backfilled("synthetic/unified_12relays_7days.csv")
        defer { server.stop() }
        let r = try run(["--prometheus", server.url, "--output-dir", folder + "/charts"])
        #expect(r.status == 3)
        #expect(r.stderr.hasPrefix("tormem-charts: error: \(server.url): no samples of tormem_relay_resident_memory_bytes (or its former name tor_relay_rss_bytes) from "), "\(r.stderr)")
        #expect(r.stderr.contains("(--last 30d)"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/charts"))
        // --last from --until: the fixture's last 2 days.
        let last = try run(["--prometheus", server.url, "--until", "2026-01-02T07:00", "--last", "2d", "--output-dir", folder + "/charts", "--json", "-"])
        let period = try Self.json(last).object?["period"]?.object
        #expect(period?["first"] == .string("2025-12-31T07:00:00Z") && period?["last"] == .string("2026-01-02T07:00:00Z"), "\(String(describing: period))")
    }

    @Test func anHTTPErrorExitsThreeWritingNothing() throws {
        let (folder, _, server) = try Self.backfilled("real-2025-09-18/measurements.csv")
        defer { server.stop() }
        let bad = try run(["--prometheus", server.url, "--match", #"{instance=~"("}"#, "--output-dir", folder + "/charts"])
        #expect(bad.status == 3)
        #expect(bad.stderr.hasPrefix("tormem-charts: error: \(server.url)/api/v1/query: HTTP 400: bad_data: invalid parameter \"query\""), "\(bad.stderr)")
        let notPrometheus = try run(["--prometheus", server.url + "/nothing", "--output-dir", folder + "/charts"])
        #expect(notPrometheus.status == 3)
        #expect(notPrometheus.stderr == "tormem-charts: error: \(server.url)/nothing/api/v1/query: HTTP 404: not a Prometheus JSON response: it starts \"404 page not found\"\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/charts"))
    }
}

/// What needs no server: a refused connection, and the options' checks.
@Suite struct PrometheusOptionCheckTests {
    @Test func aRefusedConnectionExitsThreeWritingNothing() throws {
        let folder = try temporaryFolder()
        let port = try PrometheusServer.freePort()
        let r = try run(["--prometheus", "http://127.0.0.1:\(port)", "--output-dir", folder + "/charts", "--json", folder + "/run.json"])
        #expect(r.status == 3)
        #expect(r.stderr == "tormem-charts: error: http://127.0.0.1:\(port)/api/v1/query: cannot connect: connection refused\n")
        #expect(listing(folder).isEmpty)
    }

    @Test(arguments: [
        (["--prometheus", "http://127.0.0.1:9", "--data", "a.csv"], "give one source, not both"),
        (["--data", "a.csv", "--match", "{a=\"b\"}"], "--match is for --prometheus URL"),
        (["--data", "a.csv", "--timeout", "5"], "--timeout is for --prometheus URL"),
        (["--prometheus", "http://127.0.0.1:9", "--timeout", "0"], "--timeout 0.0: expected seconds above 0"),
        (["--prometheus", "http://127.0.0.1:9", "--server-label", ""], "--server-label '': expected a label name"),
        (["--prometheus", "http://127.0.0.1:9", "--match", "instance=\"x\""], "expected label matchers in braces"),
        (["--prometheus", "ftp://127.0.0.1:9"], "expected an http:// or https:// URL"),
    ])
    func badOptionsAreUsageErrors(arguments: [String], says: String) throws {
        let r = try run(arguments + ["--output-dir", try temporaryFolder() + "/charts"])
        #expect(r.status == 2, "\(arguments): \(r.stderr)")
        #expect(r.stderr.contains(says), "\(r.stderr)")
    }
}
