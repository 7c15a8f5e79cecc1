import Foundation
import Testing
import TormemCore
import TormemData
import TormemTestSupport
@testable import TormemKit

/// `export --openmetrics`: what promtool reads, deterministic, written atomically or to standard output.
@Suite struct ExportJobTests {
    static let synthetic = Fixtures.url("synthetic/unified_12relays_7days.csv")

    @Test func writesTheFileAtomicallyAndTheSameBytesToStandardOutput() throws {
        let folder = try temporaryFolder()
        let r = try run(["export", "--openmetrics", "--data", Self.synthetic, "--output", folder + "/history.om"])
        #expect(r.status == 0 && r.stdout.isEmpty && r.stderr.isEmpty, "\(r.stderr)")
        #expect(listing(folder) == ["history.om"])    // no temporary file left
        let written = try String(contentsOfFile: folder + "/history.om", encoding: .utf8)
        let printed = try run(["export", "--openmetrics", "--data", Self.synthetic, "--output", "-"])
        #expect(printed.status == 0)
        #expect(printed.stdout == written)
        #expect(written.hasSuffix("\n# EOF\n"))
        let lines = written.split(separator: "\n")
        // 12 relays × 168 hourly collections of RSS, VmSize, VmHWM (and ratios where the file has them),
        // 168 aggregates of five gauges.
        #expect(lines.filter { $0.hasPrefix("tormem_relay_resident_memory_bytes{instance=\"relayhost\",") }.count == 2003)
        #expect(lines.filter { $0.hasPrefix("tormem_relays_resident_memory_bytes{instance=\"relayhost\"} ") }.count == 168)
        #expect(lines.contains(#"tormem_relays_resident_memory_bytes{instance="relayhost"} 39407358976 1766736000"#))   // 38483749 KiB
    }

    @Test func promtoolReadsIt() throws {
        guard let promtool = ["/usr/bin/promtool", "/usr/local/bin/promtool"].first(where: FileManager.default.isExecutableFile) else {
            print("skipped: \(PrometheusServer.missing)")
            return
        }
        let folder = try temporaryFolder()
        try ExportJob.openMetrics(data: [Fixtures.url("real-2025-09-18/measurements.csv")], output: folder + "/real.om")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: promtool)
        p.arguments = ["tsdb", "create-blocks-from", "openmetrics", folder + "/real.om", folder + "/data"]
        p.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        p.standardError = err
        try p.run()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(String(decoding: e, as: UTF8.self))")
        #expect(!listing(folder + "/data").isEmpty)
    }

    @Test func aFileWithoutSomeColumnsGivesTheGaugesItHas() throws {
        let folder = try temporaryFolder()
        try write("""
            timestamp,server,type,fingerprint,nickname,rss_kb,hwm_kb,count,total_kb
            2025-09-18T00:00:00,co,relay,,one,1000,1500,,
            2025-09-18T00:00:00,co,aggregate,,,,,1,1000

            """, to: folder + "/old.csv")
        let text = try ExportJob.openMetricsText(data: [folder + "/old.csv"])
        let samples = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(samples == [
            #"tormem_relay_resident_memory_bytes{instance="co",nickname="one",fingerprint=""} 1024000 1758153600"#,
            #"tormem_relay_resident_memory_peak_bytes{instance="co",nickname="one",fingerprint=""} 1536000 1758153600"#,
            #"tormem_relays_running{instance="co"} 1 1758153600"#,
            #"tormem_relays_resident_memory_bytes{instance="co"} 1024000 1758153600"#,
            #"tormem_relays_resident_memory_avg_bytes{instance="co"} 1024000 1758153600"#,
        ])
    }

    @Test func dataWithoutTimeSeriesExitsThreeWritingNothing() throws {
        let folder = try temporaryFolder()
        try write("group,relay,day0,day1\nA,x,1000,1100\n", to: folder + "/daily.csv")
        let r = try run(["export", "--openmetrics", "--data", folder + "/daily.csv", "--output", folder + "/out.om"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("experiment data has no time series to export"), "\(r.stderr)")
        #expect(listing(folder) == ["daily.csv"])
    }

    @Test(arguments: [
        (["export", "--data", "a.csv", "--output", "-"], "missing --openmetrics"),
        (["export", "--openmetrics", "--output", "-"], "missing --data FILE"),
        (["export", "--openmetrics", "--data", "a.csv", "--output", ""], "--output ''"),
    ])
    func usageErrors(arguments: [String], says: String) throws {
        let r = try run(arguments)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains(says), "\(r.stderr)")
    }
}
