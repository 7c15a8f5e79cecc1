import Foundation
import Testing
import TormemTestSupport

/// Issue 25 end to end through the binary: Fixtures/caveats (make.py) is built to trip every caveat
/// and computes the numbers each must give itself, in Python, from how it made the data
/// (expected.json); `--json`'s caveats must hold them.
struct CaveatsReportTests {
    static func document() throws -> (caveats: [[String: Any]], expected: [String: Any]) {
        let (doc, expected) = try full()
        return (try #require(doc["caveats"] as? [[String: Any]]), expected)
    }

    /// One run of the binary for every test of the suite (a static is initialised once).
    nonisolated(unsafe) static let once: Result<(doc: [String: Any], expected: [String: Any]), Error> = Result { try runOnce() }

    static func full() throws -> (doc: [String: Any], expected: [String: Any]) { try once.get() }

    static func runOnce() throws -> (doc: [String: Any], expected: [String: Any]) {
        let dir = try temporaryFolder("caveats-json")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try run(["--data", Fixtures.url("caveats/memory.csv"), "--output-dir", dir + "/out", "--json", dir + "/run.json", "-q"])
        #expect(r.status == 0, "\(r.stderr)")
        let bytes = try #require(FileManager.default.contents(atPath: dir + "/run.json"))
        let doc = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
        let want = try Data(contentsOf: URL(fileURLWithPath: Fixtures.url("caveats/expected.json")))
        let expected = try #require(try JSONSerialization.jsonObject(with: want) as? [String: Any])
        return (doc, expected)
    }

    static func of(_ kind: String, _ groups: [String], in caveats: [[String: Any]]) -> [String: Any]? {
        caveats.first { $0["kind"] as? String == kind && Array(($0["groups"] as? [String] ?? []).prefix(groups.count)) == groups }
    }

    static func close(_ a: Any?, _ b: Any?, _ tolerance: Double = 1e-9) -> Bool {
        guard let x = (a as? NSNumber)?.doubleValue, let y = (b as? NSNumber)?.doubleValue else { return false }
        return abs(x - y) <= tolerance * max(1, abs(y))
    }

    @Test func overlapsNameTheSharedRelaysAndTheMeansWithoutThem() throws {
        let (caveats, expected) = try Self.document()
        let all = try #require(expected["overlap"] as? [String: [String: Any]])
        for (pair, want) in all {
            let groups = pair.split(separator: "+").map(String.init)
            let c = try #require(Self.of("overlap", groups, in: caveats), "\(pair)")
            let n = try #require(c["numbers"] as? [String: Any])
            #expect(c["relays"] as? [String] == want["relays"] as? [String])
            #expect(n["shared"] as? Int == want["shared"] as? Int && n["since"] as? String == want["since"] as? String)
            #expect(n["relays_without"] as? Int == want["relays_without"] as? Int)
            #expect(n["other_relays_without"] as? Int == want["other_relays_without"] as? Int)
            #expect(Self.close(n["mean_end_without_gb"], want["mean_end_without_gb"]), "\(pair): \(n)")
            #expect(Self.close(n["other_mean_end_without_gb"], want["other_mean_end_without_gb"]), "\(pair): \(n)")
        }
        #expect(caveats.filter { $0["kind"] as? String == "overlap" }.count == all.count)
    }

    @Test func separatedClustersAreFoundWithTheirSizesAndMeans() throws {
        let (caveats, expected) = try Self.document()
        let all = try #require(expected["bimodal"] as? [String: [[String: Any]]])
        for (group, want) in all {
            let c = try #require(Self.of("bimodal", [group], in: caveats), "\(group)")
            let clusters = try #require((c["numbers"] as? [String: Any])?["clusters"] as? [[String: Any]])
            #expect(clusters.map { $0["n"] as? Int } == want.map { $0["n"] as? Int }, "\(group)")
            for (k, w) in zip(clusters, want) { #expect(Self.close(k["mean_gb"], w["mean_gb"]), "\(group): \(k)") }
        }
        // B, D and E are one cluster each.
        #expect(caveats.filter { $0["kind"] as? String == "bimodal" }.count == all.count)
    }

    @Test func unlikeRelaysAndAllocatorsGiveTheMeanWithoutThem() throws {
        let (caveats, expected) = try Self.document()
        for kind in ["unlike", "allocator_mismatch"] {
            let all = try #require(expected[kind] as? [String: [String: Any]])
            for (group, want) in all {
                let c = try #require(Self.of(kind, [group], in: caveats), "\(kind) \(group)")
                #expect((c["relays"] as? [String])?.sorted() == want["relays"] as? [String], "\(kind) \(group)")
                let n = try #require(c["numbers"] as? [String: Any])
                if let w = want["mean_without_gb"] { #expect(Self.close(n["mean_without_gb"], w), "\(kind) \(group): \(n)") }
                if let a = want["allocator"] { #expect(n["allocator"] as? String == a as? String) }
            }
            #expect(caveats.filter { $0["kind"] as? String == kind }.count == all.count, "\(kind)")
        }
    }

    @Test func unequalWindowsAreComparedAtEqualAge() throws {
        let (caveats, expected) = try Self.document()
        let want = try #require((expected["unequal_window"] as? [String: [String: Any]])?["D_restart"])
        let c = try #require(Self.of("unequal_window", ["D_restart", "A_control"], in: caveats))
        let n = try #require(c["numbers"] as? [String: Any])
        for key in ["window_days", "other_window_days", "equal_age_day"] { #expect(n[key] as? Int == want[key] as? Int, "\(key)") }
        #expect(Self.close(n["equal_age_percent"], want["equal_age_percent"]), "\(n)")
        #expect((n["equal_age_ci_low"] as? Double ?? 0) < (n["equal_age_percent"] as? Double ?? 0))
        #expect(caveats.filter { $0["kind"] as? String == "unequal_window" }.count == 1)
    }

    @Test func smallGroupsAndGaps() throws {
        let (caveats, expected) = try Self.document()
        let small = caveats.filter { $0["kind"] as? String == "small_group" }
        #expect(small.map { $0["groups"] as? [String] } == [["E_tcmalloc"]])
        let gap = try #require(expected["gaps"] as? [String: Any])
        let g = caveats.filter { $0["kind"] as? String == "gaps" }
        #expect(g.count == 1)
        #expect(g.first?["groups"] as? [String] == gap["groups"] as? [String])
        let n = try #require(g.first?["numbers"] as? [String: Any])
        #expect(n["gaps"] as? Int == gap["gaps"] as? Int && n["longest_from"] as? String == gap["longest_from"] as? String)
        #expect(Self.close(n["longest_hours"], gap["longest_hours"]) && Self.close(n["interval_hours"], gap["interval_hours"]))
    }

    /// D restarts daily at 03:00 with no `started` column: found from its samples, 7 a relay, with
    /// the peak before each; its end value is a sawtooth's, so the headroom uses the peak.
    @Test func dailyRestartsAreFoundInTheSamples() throws {
        let (doc, expected) = try Self.full()
        let caveats = try #require(doc["caveats"] as? [[String: Any]])
        let want = try #require((expected["restarts"] as? [String: [String: Any]])?["D_restart"])
        let c = try #require(Self.of("restarts", ["D_restart"], in: caveats))
        let n = try #require(c["numbers"] as? [String: Any])
        #expect(Self.close(n["restarts_per_relay"], want["restarts_per_relay"]), "\(n)")
        #expect(Self.close(n["mean_peak_gb"], want["mean_peak_gb"]), "\(n)")
        #expect((c["relays"] as? [String])?.count == 8)
        #expect(caveats.filter { $0["kind"] as? String == "restarts" }.count == 1, "only D restarts")
        let fits = try #require(((doc["host"] as? [String: Any])?["headroom"] as? [String: Any])?["groups"] as? [[String: Any]])
        let d = try #require(fits.first { $0["group"] as? String == "D_restart" })
        #expect(d["figure"] as? String == "mean peak before a restart" && Self.close(d["per_relay_gb"], want["mean_peak_gb"]))
    }

    @Test func theHostHasRoomForSoManyRelaysOfEachGroup() throws {
        let (doc, expected) = try Self.full()
        let h = try #require((doc["host"] as? [String: Any])?["headroom"] as? [String: Any])
        let want = try #require(expected["headroom"] as? [String: Any])
        #expect(Self.close(h["available_gb"], want["available_gb"]) && Self.close(h["relays_gb"], want["relays_gb"], 1e-6))
        let fits = try #require(h["groups"] as? [[String: Any]])
        let all = try #require(want["relays_fit"] as? [String: Int]), more = try #require(want["more_relays_fit"] as? [String: Int])
        #expect(fits.count == all.count)
        for f in fits {
            let g = try #require(f["group"] as? String)
            guard g != "D_restart" else { continue }   // its figure is the peak (dailyRestartsAreFoundInTheSamples)
            #expect(f["relays_fit"] as? Int == all[g] && f["more_relays_fit"] as? Int == more[g], "\(g): \(f)")
        }
    }

    @Test func theSummaryAndTheDraftFindingsSayTheSameSentences() throws {
        let dir = try temporaryFolder("caveats-report")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (caveats, _) = try Self.document()
        let r = try run(["--data", Fixtures.url("caveats/memory.csv"), "--output-dir", dir + "/out"])
        let root = dir + "/reports"
        let made = try run(["report", "--new", "caveats", "--host", "cav-host", "--date", "2026-05-01",
                            "--data", Fixtures.url("caveats/memory.csv"), "--reports-dir", root, "-q"])
        #expect(made.status == 0, "\(made.stderr)")
        let folder = try #require(try FileManager.default.contentsOfDirectory(atPath: root).first)
        let report = try String(contentsOfFile: root + "/" + folder + "/REPORT.md", encoding: .utf8)
        for c in caveats {
            let text = try #require(c["text"] as? String)
            #expect(r.stdout.contains("caveat: " + text), "\(text)")
            // Markdown escapes `_` in group IDs.
            #expect(report.contains(text.replacingOccurrences(of: "_", with: "\\_")), "\(text)")
        }
    }
}
