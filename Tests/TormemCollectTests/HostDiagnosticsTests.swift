import Testing
@testable import TormemCollect

@Suite struct HostDiagnosticsTests {
    @Test func readsKernelMemoryAndAllocators() throws {
        let collector = FakeHost.collector()
        let d = HostDiagnostics.read(snapshot: try collector.snapshot(), proc: collector.proc)
        #expect(d.kernel == FakeHost.kernel)
        #expect(d.memTotalKB == 65_859_432)
        #expect(d.memAvailableKB == 30_123_456)
        #expect(d.relaysRunning == FakeHost.running.count)
        #expect(d.allocators == ["glibc (default)", "jemalloc"])
        #expect(d.row == "2025-12-25T02:00:00,fakehost,6.1.0-28-amd64,65859432,30123456,2,glibc (default);jemalloc\n")
        #expect(HostDiagnostics.header ==
            "timestamp,server,kernel,mem_total_kb,mem_available_kb,relays_running,allocators\n")
    }

    @Test func missingHostFilesAreEmptyCells() {
        let d = HostDiagnostics(time: FakeHost.time, server: "h", kernel: nil, memTotalKB: nil, memAvailableKB: nil,
                                relaysRunning: 0, allocators: [])
        #expect(d.row == "2025-12-25T02:00:00,h,,,,0,\n")
    }
}
