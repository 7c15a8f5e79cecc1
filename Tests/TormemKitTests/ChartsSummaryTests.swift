import Foundation
import Testing
import TormemCore
import TormemData
import TormemTestSupport
@testable import TormemKit

/// A copy of the real fixture with an `events.csv` and a `diagnostics.csv` beside it.
func folderWithTimeline(_ name: String = #function) throws -> String {
    let dir = try temporaryFolder(name)
    try FileManager.default.copyItem(atPath: realData, toPath: dir + "/measurements.csv")
    try write("""
        timestamp,event_type,description,group
        2025-09-10T00:00:00,restart,full fleet restart,all
        2025-09-12T06:00:00-08:00,config_change,DirCache 0 on group A,A
        not a time,restart,broken row,all
        2025-09-11T00:00:00Z,relay_add,+3 relays,
        """, to: dir + "/events.csv")
    try write("""
        timestamp,server,kernel,mem_total_kb,mem_available_kb,relays_running,allocators
        2025-09-09T00:00:00,co,6.1.0-25-amd64,65536000,30000000,3,glibc
        2025-09-18T00:00:00,co,6.1.0-28-amd64,65536000,20971520,13,glibc;jemalloc
        """, to: dir + "/diagnostics.csv")
    return dir
}

@Suite struct ChartsSummaryTests {
    @Test func statesFleetAndPerRelayGrowthApart() throws {
        let report = try ChartsJob.run(ChartsRequest(dataPaths: [realData], outputDirectory: try temporaryFolder()))
        #expect(report.text.contains("  growth       total +110.7%, relays 3 → 13; per relay 5.35 → 2.60 GB, -51.4%"))
    }

    @Test func listsHostFactsAndEventsInUTC() throws {
        let dir = try folderWithTimeline()
        var warnings: [Diagnostic] = []
        let report = try ChartsJob.run(ChartsRequest(dataPaths: [dir + "/measurements.csv"], outputDirectory: dir + "/charts"),
                                       warn: { warnings.append($0) })
        let lines = report.text.split(separator: "\n").map(String.init)
        #expect(lines.contains("host         kernels 6.1.0-25-amd64, 6.1.0-28-amd64; memory 62.50 GB total, 20.00 GB available (2025-09-18 00:00 UTC); allocators glibc, jemalloc"))
        #expect(lines.contains("events       3"))
        #expect(lines.contains("  2025-09-10 00:00 UTC  restart        full fleet restart  (all relays)"))
        #expect(lines.contains("  2025-09-11 00:00 UTC  relay_add      +3 relays  (all relays)"))
        #expect(lines.contains("  2025-09-12 14:00 UTC  config_change  DirCache 0 on group A  (group A)"))
        #expect(warnings.map(\.description) == [dir + "/events.csv:4: column timestamp: expected an ISO 8601 time such as 2026-01-05T10:47:43-08:00, found \"not a time\"; row skipped"])
        #expect(report.warnings.count == 1)
    }

    /// `--json` holds every number the summary prints: totals, per relay, relay statistics, host
    /// facts, rows and side files.
    @Test func theJSONHoldsEveryNumberOfTheSummary() throws {
        let dir = try folderWithTimeline()
        let report = try ChartsJob.run(ChartsRequest(dataPaths: [dir + "/measurements.csv"], outputDirectory: dir + "/charts"))
        let d = try #require(try JSONParser.parse(Array(report.json.utf8)).object)
        let m = try #require(d["memory"].flatMap { if case .array(let a) = $0 { a.first?.object } else { nil } })
        let text = report.text
        func gb(_ key: String) -> String {
            guard case .number(let v)? = m[key] else { return "missing \(key)" }
            return NumberFormat.fixed(v, decimals: 2) + " GB"
        }
        // The summary's lines, number by number.
        #expect(text.contains("total        \(gb("total_start_gb")) → \(gb("total_end_gb"))"))
        #expect(text.contains("peak \(gb("total_peak_gb"))"))
        #expect(text.contains("per relay    avg \(gb("per_relay_avg_gb")) · min \(gb("per_relay_min_gb")) · max \(gb("per_relay_max_gb"))"))
        #expect(m["relays_first"] == .number(3) && m["relays_last"] == .number(13) && m["relays_max"] == .number(13))
        #expect(m["data_points"] == .number(7))
        let latest = try #require(d["latest_rss"]?.object), host = try #require(d["host"]?.object), rows = try #require(d["rows"]?.object)
        #expect(latest["above_mean_2sd"] == .number(0))
        #expect(host["kernels"] == .array([.string("6.1.0-25-amd64"), .string("6.1.0-28-amd64")]))
        #expect(host["allocators"] == .array([.string("glibc"), .string("jemalloc")]))
        #expect(rows["read"] == .number(79))
        guard case .array(let side)? = d["side_files"] else { Issue.record("no side_files"); return }
        #expect(side.count == 2)  // events.csv and diagnostics.csv
    }
}
