import Foundation
import Testing
import TormemCore
import TormemTestSupport
@testable import TormemCollect

/// The shipped monitoring kit (`contrib/prometheus`, `contrib/grafana`) uses only metrics tormem
/// writes, and Prometheus' own `promtool` accepts the rules and the textfile (`make test` installs
/// Debian's `prometheus` package for it).
@Suite struct MonitoringKitTests {
    static let promtool = ["/usr/bin/promtool", "/usr/local/bin/promtool"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let rules = Fixtures.packageRoot + "/contrib/prometheus/tormem.rules.yml"
    static let dashboard = Fixtures.packageRoot + "/contrib/grafana/tormem-dashboard.json"

    /// The textfile of the fake host, as `collect --prometheus` writes it.
    static func textfile() throws -> String {
        PrometheusWriter.text(try FakeHost.collector().snapshot())
    }

    static func metricNames(in text: String) -> Set<String> {
        var names = Set<String>()
        var current = ""
        for c in text {
            if c.isLetter || c.isNumber || c == "_" { current.append(c) } else {
                if current.hasPrefix("tormem_") || current.hasPrefix("tor_relay") || current.hasPrefix("tor_memory") { names.insert(current) }
                current = ""
            }
        }
        return names
    }

    @Test func rulesAndDashboardUseOnlyMetricsTormemWrites() throws {
        let written = Self.metricNames(in: try Self.textfile())
        #expect(written.contains("tormem_relay_resident_memory_bytes") && written.contains("tormem_collection_timestamp_seconds"))
        for path in [Self.rules, Self.dashboard] {
            let used = Self.metricNames(in: try String(contentsOfFile: path, encoding: .utf8))
            #expect(!used.isEmpty, "\(path) uses tormem's metrics")
            #expect(used.isSubset(of: written), "\(path) uses metrics tormem does not write: \(used.subtracting(written).sorted())")
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.dashboard))) as? [String: Any]
        let panels = json?["panels"] as? [[String: Any]] ?? []
        #expect(panels.count == 7)
        // A host runs up to hundreds of relays: no panel draws one line per relay.
        let exprs = panels.flatMap { ($0["targets"] as? [[String: Any]] ?? []).compactMap { $0["expr"] as? String } }
        for e in exprs where e.contains("tormem_relay_") {
            #expect(["topk(", "avg by (", "count by (", "quantile by ("].contains { e.hasPrefix($0) }, "\(e) draws every relay")
        }
        #expect(exprs.contains { $0.contains("node_memory_MemTotal_bytes") } && exprs.contains { $0.contains("by (group)") })
    }

    @Test(.enabled(if: MonitoringKitTests.promtool != nil, "promtool is not installed (make test installs prometheus)"))
    func promtoolAcceptsTheRulesAndTheTextfile() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        let rules = try ChildProcess(Self.promtool!, ["check", "rules", Self.rules], stdout: .file(tmp.file("rules.out")), stderr: .file(tmp.file("rules.err")))
        #expect(rules.wait() == .exit(0), "\((try? String(contentsOfFile: tmp.file("rules.err"), encoding: .utf8)) ?? "")")
        // `promtool check metrics` reads the textfile on standard input: a shell feeds it.
        try tmp.write(try Self.textfile(), to: "tor_relays.prom")
        let metrics = try ChildProcess("/bin/sh", ["-c", "\"$0\" check metrics < \"$1\"", Self.promtool!, tmp.file("tor_relays.prom")],
                                       stdout: .file(tmp.file("m.out")), stderr: .file(tmp.file("m.err")))
        #expect(metrics.wait() == .exit(0), "\((try? String(contentsOfFile: tmp.file("m.err"), encoding: .utf8)) ?? "")")
    }

    static let rulesTest = Fixtures.packageRoot + "/contrib/prometheus/tormem.rules.test.yml"

    /// The alerts fire once per host with how many relays and the worst, from series named as the
    /// collector writes them (`promtool test rules`); an alert per relay would be hundreds at once.
    @Test(.enabled(if: MonitoringKitTests.promtool != nil, "promtool is not installed (make test installs prometheus)"))
    func promtoolTestsTheAlertsPerHost() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        let test = try ChildProcess(Self.promtool!, ["test", "rules", Self.rulesTest],
                                    stdout: .file(tmp.file("test.out")), stderr: .file(tmp.file("test.err")))
        #expect(test.wait() == .exit(0), "\((try? String(contentsOfFile: tmp.file("test.out"), encoding: .utf8)) ?? "")\((try? String(contentsOfFile: tmp.file("test.err"), encoding: .utf8)) ?? "")")
        let written = Self.metricNames(in: try Self.textfile())
        let series = Self.metricNames(in: try String(contentsOfFile: Self.rulesTest, encoding: .utf8))
        #expect(series.contains("tormem_relay_resident_memory_bytes") && series.isSubset(of: written), "\(series.subtracting(written).sorted())")
        let rules = try String(contentsOfFile: Self.rules, encoding: .utf8)
        #expect(rules.contains("count by (instance)") && rules.contains("absent("))
    }

    @Test func collectWritesTheTextfileAlone() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        let r = try TormemBinary.run(["collect", "--prometheus", tmp.file("tor_relays.prom"),
                                      "--instances-dir", FakeHost.instancesDirectory, "--proc-root", FakeHost.procRoot])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try tmp.read("tor_relays.prom").contains("tormem_relays_running"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path) == ["tor_relays.prom"])
    }
}
