import Foundation
import Testing
import TormemTestSupport

/// `--metric` picks the per-relay quantity: checked end to end against a computation of its own.
@Suite struct MetricOptionTests {
    let data = Fixtures.url("synthetic/unified_12relays_7days.csv")

    func json(_ extra: [String]) throws -> [String: Any] {
        let out = NSTemporaryDirectory() + "tormem-metric-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try run(["--data", data, "--output-dir", out, "--json", "-"] + extra)
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    func endMeans(_ doc: [String: Any]) -> [String: Double] {
        var out: [String: Double] = [:]
        for g in doc["groups"] as? [[String: Any]] ?? [] { out[g["id"] as! String] = g["mean_end_gb"] as? Double }
        return out
    }

    /// Each group's mean on its last day, from the CSV read here: day K of a group holds the samples
    /// in [start + K days, start + K + 1 days) from the group's first sample; each relay's mean of
    /// the day, averaged over the relays with a value that day (GB = KiB / 1024²).
    func independentEndMeans(column: String) throws -> [String: Double] {
        let lines = try String(contentsOfFile: data, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let col = { (name: String) in header.firstIndex(of: name)! }
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate]
        iso.timeZone = TimeZone(identifier: "UTC")
        var samples: [(group: String, relay: String, time: Double, kib: Double)] = []
        for line in lines.dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f[col("type")] == "relay", let v = Double(f[col(column)]), let t = iso.date(from: f[col("timestamp")]) else { continue }
            let id = f[col("fingerprint")].isEmpty ? f[col("nickname")] : f[col("fingerprint")]
            samples.append((f[col("group")], id, t.timeIntervalSince1970, v))
        }
        var out: [String: Double] = [:]
        for group in Set(samples.map(\.group)) where !group.isEmpty {
            let mine = samples.filter { $0.group == group }
            let start = mine.map(\.time).min()!
            let day = { (t: Double) in Int(((t - start) / 86_400).rounded(.down)) }
            let last = mine.map { day($0.time) }.max()!
            var perRelay: [String: [Double]] = [:]
            for s in mine where day(s.time) == last { perRelay[s.relay, default: []].append(s.kib) }
            let means = perRelay.values.map { $0.reduce(0, +) / Double($0.count) / 1_048_576 }
            out[group] = means.reduce(0, +) / Double(means.count)
        }
        return out
    }

    @Test func peakRSSGroupMeansAreAtLeastTheRSSOnesAndMatchAnIndependentComputation() throws {
        let rss = endMeans(try json([])), hwm = endMeans(try json(["--metric", "hwm"]))
        #expect(!rss.isEmpty && rss.keys.sorted() == hwm.keys.sorted())
        for (g, v) in rss { #expect(hwm[g]! >= v, "group \(g): VmHWM \(hwm[g]!) < RSS \(v)") }
        #expect(hwm != rss)
        for (metric, column, got) in [("rss", "rss_kb", rss), ("hwm", "hwm_kb", hwm)] {
            let expected = try independentEndMeans(column: column)
            #expect(expected.keys.sorted() == got.keys.sorted())
            for (g, v) in expected { #expect(abs(got[g]! - v) < 1e-9, "\(metric) group \(g): \(got[g]!) vs \(v)") }
        }
    }

    @Test func theDocumentAndTheChartsSayWhichQuantity() throws {
        let doc = try json(["--metric", "hwm"])
        let metric = try #require(doc["metric"] as? [String: Any])
        #expect(metric["name"] as? String == "hwm" && metric["column"] as? String == "hwm_kb" && metric["text"] as? String == "peak RSS (VmHWM)")
        #expect(try json([])["metric"] == nil)
        let out = NSTemporaryDirectory() + "tormem-metric-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try run(["--data", data, "--output-dir", out, "--metric", "hwm", "--format", "svg"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("groups (peak RSS (VmHWM); "))
        let svg = try String(contentsOfFile: out + "/chart1_memory_over_time.svg", encoding: .utf8)
        #expect(svg.contains("Mean peak RSS (VmHWM) per group"))
    }

    @Test func aRatioHasNoFragmentationZoneAndNoGB() throws {
        let out = NSTemporaryDirectory() + "tormem-metric-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try run(["--data", data, "--output-dir", out, "--metric", "frag", "--format", "svg"])
        #expect(r.status == 0, "\(r.stderr)")
        let chart1 = try String(contentsOfFile: out + "/chart1_memory_over_time.svg", encoding: .utf8)
        #expect(!chart1.contains("fragmentation zone"))
        #expect(chart1.contains("×"))
        #expect(r.stdout.contains("GROWING: grows ≥ 0.25×/day"))
        #expect(!r.stdout.contains("FRAGMENTED  "))
    }

    @Test func aFileWithoutTheColumnIsAnInputErrorAndABadValueIsRejected() throws {
        let out = NSTemporaryDirectory() + "tormem-metric-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let monitor = Fixtures.url("synthetic/experiment_25relays.csv")
        let e = try run(["--data", monitor, "--output-dir", out, "--metric", "hwm"])
        #expect(e.status == 3)
        #expect(e.stderr.contains("experiment table holds RSS per relay per day only"))
        let bad = try run(["--data", data, "--output-dir", out, "--metric", "peak"])
        #expect(bad.status == 2)
    }
}
