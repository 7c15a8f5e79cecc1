import Testing
import TormemCore
@testable import TormemData

@Suite struct DiagnosticsLogTests {
    func parse(_ text: String) throws -> DiagnosticsLog { try DiagnosticsLog.parse(Array(text.utf8), file: "diagnostics.csv") }

    @Test func readsTheCollectorColumns() throws {
        let log = try parse("""
            timestamp,server,kernel,mem_total_kb,mem_available_kb,relays_running,allocators
            2026-01-02T02:00:00Z,relayhost,6.12.57,786961000,400000000,200,glibc (default);jemalloc
            2026-01-01T02:00:00,relayhost,6.1.0,786961000,403825000,,glibc (default)
            """)
        #expect(log.layout == .collector)
        #expect(log.warnings.isEmpty)
        #expect(log.kernels == ["6.1.0", "6.12.57"])
        #expect(log.allocators == ["glibc (default)", "jemalloc"])
        #expect(log.last?.memAvailableKB == 400_000_000)
        #expect(log.last?.relaysRunning == 200)
        #expect(log.rows.first?.relaysRunning == nil)
    }

    @Test func readsTheOlderNineteenColumns() throws {
        let header = "date,time,hostname,tor_version,os_release,kernel,allocator,mem_total_mb,mem_free_mb,mem_available_mb,"
            + "mem_cached_mb,swap_total_mb,swap_free_mb,tcp_established,tcp_total,fd_limit,relay_count,relay_total_mb,relay_avg_mb"
        let log = try parse(header + "\n2025-09-18,12:00:00,co,0.4.8.14,Debian 12,6.1.0-28-amd64,glibc,64000,1000,32000,9000,0,0,1000,2000,65536,12,6000,500\n")
        #expect(log.layout == .legacy)
        #expect(log.rows.count == 1)
        let r = try #require(log.rows.first)
        #expect(r.time.iso8601 == "2025-09-18T12:00:00")
        #expect(r.server == "co")
        #expect(r.memTotalKB == 64000 * 1024)
        #expect(r.memAvailableKB == 32000 * 1024)
        #expect(r.relaysRunning == 12)
        #expect(log.allocators == ["glibc"])
    }

    @Test func badRowsAreWarnings() throws {
        let log = try parse("""
            timestamp,server,kernel,mem_total_kb,mem_available_kb,relays_running,allocators
            soon,relayhost,6.1,1,1,1,glibc
            2026-01-01T00:00:00,relayhost,6.1,lots,1,1,glibc
            2026-01-01T01:00:00,relayhost,6.1,10,5,1,glibc
            """)
        #expect(log.rows.count == 1)
        #expect(log.warnings.map(\.description) == [
            "diagnostics.csv:2: column timestamp: expected an ISO 8601 time such as 2026-01-05T10:47:43-08:00, found \"soon\"; row skipped",
            "diagnostics.csv:3: column mem_total_kb: expected a non-negative number, found \"lots\"; row skipped",
        ])
    }

    @Test func unknownHeaderIsAnInputError() {
        #expect(throws: TormemError.self) { try parse("a,b,c\n1,2,3\n") }
    }
}
