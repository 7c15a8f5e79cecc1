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
}
