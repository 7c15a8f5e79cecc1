import Foundation
import Testing
import TormemTestSupport

/// Issue 24 end to end through the binary: the synthetic folder with known per-group bandwidth,
/// flags, allocators and restarts (Fixtures/tradeoff/README.md) gives those numbers in `--json`,
/// REPORT.md's key metrics and draft findings, from the collector's columns and from Onionoo's
/// documents alike.
struct TradeoffReportTests {
    static func groups(_ variant: String) throws -> [String: [String: Any]] {
        let dir = try temporaryFolder("tradeoff-json")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try run(["--data", Fixtures.url("tradeoff/\(variant)/measurements.csv"), "--output-dir", dir + "/out", "--json", dir + "/run.json", "-q"])
        #expect(r.status == 0, "\(r.stderr)")
        let data = try #require(FileManager.default.contents(atPath: dir + "/run.json"))
        let doc = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let list = try #require(doc["groups"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: list.map { ($0["id"] as! String, $0) })
    }

    @Test(arguments: ["collected", "onionoo"])
    func theJSONHasEachGroupsBandwidthWeightAndLostFlags(variant: String) throws {
        let g = try Self.groups(variant)
        func mbps(_ id: String) -> Double { g[id]?["bandwidth_mbps"] as? Double ?? .nan }
        #expect(abs(mbps("A_control") - 40) < 1e-6 && abs(mbps("B_dircache0") - 30) < 1e-6)
        #expect(abs(mbps("C_jemalloc") - 40) < 1e-6 && abs(mbps("D_mimalloc") - 43.5) < 1e-6)
        let vs = try #require(g["B_dircache0"]?["bandwidth_vs_control"] as? [String: Any])
        #expect(abs((vs["percent"] as? Double ?? 0) - -25) < 1e-6)
        #expect((vs["ci_low"] as? Double ?? 0) < -25 && (vs["ci_high"] as? Double ?? 0) > -25)
        let d = try #require(g["D_mimalloc"]?["bandwidth_vs_control"] as? [String: Any])
        #expect(abs((d["percent"] as? Double ?? 0) - 8.75) < 1e-6)
        #expect(g["A_control"]?["bandwidth_vs_control"] is NSNull)
        #expect(g["B_dircache0"]?["flags_lost"] as? [String] == ["Guard", "HSDir", "V2Dir"])
        #expect(g["C_jemalloc"]?["flags_lost"] as? [String] == [])
        #expect(g["B_dircache0"]?["consensus_weight"] as? Double == 12000)
        #expect(g["D_mimalloc"]?["bandwidth_relays"] as? Int == 6)
        if variant == "collected" {
            #expect(g["C_jemalloc"]?["allocator"] as? String == "jemalloc")
            let mismatch = try #require(g["C_jemalloc"]?["allocator_mismatch"] as? [[String: Any]])
            #expect(mismatch.map { $0["relay"] as? String } == ["tradeoffC6"] && mismatch.map { $0["allocator"] as? String } == ["glibc"])
        } else {
            // Onionoo's documents say nothing of allocators.
            #expect(g["C_jemalloc"]?["allocator"] is NSNull)
        }
    }

    @Test func theReportHasTheColumnsAndATradeoffSentencePerGroup() throws {
        let root = try temporaryFolder("tradeoff-report") + "/reports"
        let made = try run(["report", "--new", "tradeoff", "--host", "relay-host", "--date", "2026-03-01",
                            "--data", Fixtures.url("tradeoff/collected/measurements.csv"), "--reports-dir", root, "-q"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stderr.contains("group C_jemalloc: tradeoffC6 (glibc) does not run the group's allocator (jemalloc)"), "\(made.stderr)")
        let report = String(decoding: try #require(FileManager.default.contents(atPath: root + "/2026-03-01-relay-host-tradeoff/REPORT.md")), as: UTF8.self)
        #expect(report.contains("| Status | Bandwidth (95 % CI) | Bandwidth vs control | Weight | Flags lost |"), "\(report)")
        let b = try #require(report.split(separator: "\n").first { $0.hasPrefix("| B\\_dircache0 |") && $0.contains("Mbit/s") })
        #expect(b.contains("| 30.0 Mbit/s (") && b.contains("| −25 % (") && b.contains("| 12,000 | Guard, HSDir, V2Dir |"), "\(b)")
        #expect(report.contains("against the control: memory −93 %, bandwidth −25 % ("), "\(report)")
        #expect(report.contains("30.0 Mbit/s against 40.0 Mbit/s, weight 12,000 against 20,000, Guard, HSDir and V2Dir lost."))
        #expect(report.contains("Caveat (allocator mismatch): group C\\_jemalloc: tradeoffC6 runs glibc, not the group's jemalloc; without it its end mean is "), "\(report)")
        #expect(report.contains("Restarts seen in the data (`started` changed): ") && report.contains("on 2026-03-06 (all 6 restarted): its 2× rule counts from then"), "\(report)")
        // Drawn and checked again: current.
        let check = try run(["regenerate", root, "--check", "-q"])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func aReportFolderKeepsTheOnionooDocuments() throws {
        let root = try temporaryFolder("tradeoff-onionoo") + "/reports"
        let made = try run(["report", "--new", "onionoo", "--host", "relay-host", "--date", "2026-03-01",
                            "--data", Fixtures.url("tradeoff/onionoo/measurements.csv"), "--reports-dir", root, "-q"])
        #expect(made.status == 0, "\(made.stderr)")
        let folder = root + "/2026-03-01-relay-host-onionoo"
        #expect(listing(folder).contains("onionoo_bandwidth.json") && listing(folder).contains("onionoo_details.json"), "\(listing(folder))")
        let report = String(decoding: try #require(FileManager.default.contents(atPath: folder + "/REPORT.md")), as: UTF8.self)
        #expect(report.contains("onionoo\\_bandwidth.json: bandwidth history of 24 relays; matches 24 of 24 relays in the data"),
                "the data reference names the document")
        #expect(report.contains("30.0 Mbit/s against 40.0 Mbit/s"))
    }
}

/// Issue 25's restarts in `--json`: D_mimalloc's six relays restart once each (2026-03-06 12:00,
/// 0.8 → 0.3 GB, back at 0.8 48 h later: Fixtures/tradeoff/README.md), the only restarts.
struct TradeoffRestartsJSONTests {
    @Test(arguments: ["collected", "onionoo"])
    func restartsPerRelayWindowMeanAndPeak(variant: String) throws {
        let g = try TradeoffReportTests.groups(variant)
        #expect(g["D_mimalloc"]?["restarts_per_relay"] as? Double == 1)
        for id in ["A_control", "B_dircache0", "C_jemalloc"] {
            #expect(g[id]?["restarts_per_relay"] as? Double == 0, "\(id)")
            #expect(g[id]?["window_mean_gb"] == nil && g[id]?["mean_peak_gb"] == nil, "\(id)")
        }
        let peak = try #require(g["D_mimalloc"]?["mean_peak_gb"] as? Double)
        let mean = try #require(g["D_mimalloc"]?["window_mean_gb"] as? Double)
        #expect(abs(peak - 0.8) < 0.03, "\(peak)")
        // Two of ten days below the plateau: the time-weighted mean is below 0.8, above 0.3.
        #expect(mean < 0.78 && mean > 0.6, "\(mean)")
    }
}
