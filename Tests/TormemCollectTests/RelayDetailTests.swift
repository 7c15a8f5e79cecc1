import Testing
import TormemCore
import TormemData
@testable import TormemCollect

@Suite struct RelayDetailTests {
    @Test func runningRelayShowsEveryMemoryFieldSettingsAndAllocator() throws {
        let d = try RelayDetail.read(name: "alpha", collector: FakeHost.collector())
        #expect(d.reading.pid == FakeHost.alpha.pid)
        #expect(d.allocator?.kind == .jemalloc)
        #expect(d.settings?.dirCache == "0")
        let text = d.text
        let status = try #require(d.reading.memory)
        for f in status.fields {
            #expect(text.contains("  \(f.name) "), "missing \(f.name)")
        }
        #expect(text.contains("VmPeak        \(FakeHost.alpha.peak)"))
        #expect(text.contains("fragmentation ratio \(NumberFormat.fixed(FakeHost.alphaRatio, decimals: 2))"))
        #expect(text.contains("  DirCache        0\n"))
        #expect(text.contains("  MaxMemInQueues  2 GB\n"))
        #expect(text.contains("allocator: jemalloc (mapped library)\n"))
        #expect(text.contains("group        A\n"))
        #expect(text.contains("started      2025-12-20T10:00:00 UTC (up 4d 16h)\n"))
        #expect(text.contains("time         2025-12-25T02:00:00 UTC\n"))
        let dir = FakeHost.instancesDirectory
        #expect(text.hasSuffix("""

        bandwidth (tor's last complete interval, \(dir)/alpha/state; tor writes it now and then)
          read     123456789504 bytes/day (11.43 Mbit/s)
          written  125000000512 bytes/day (11.57 Mbit/s)

        consensus (\(dir)/alpha/cached-microdesc-consensus)
          flags   Fast Guard HSDir Running Stable V2Dir Valid
          weight  15000

        """), "\(text)")
        #expect(d.warnings.isEmpty)
    }

    @Test func runningWithoutSmapsSaysTheRatioIsUnknown() throws {
        let text = try RelayDetail.read(name: "beta", collector: FakeHost.collector()).text
        #expect(text.contains("fragmentation ratio: unknown (smaps not readable)"))
        #expect(text.contains("allocator: glibc (default)"))
        #expect(text.contains("  DirCache        (not set)"))
        #expect(text.contains("  read     1036800000 bytes/day (0.10 Mbit/s)\n  written  unknown\n"))
    }

    @Test func notRunningStillShowsTheTorrc() throws {
        let d = try RelayDetail.read(name: "gamma", collector: FakeHost.collector())
        #expect(d.reading.pid == nil)
        #expect(d.allocator == nil)
        #expect(d.text.contains("state        not running\n"))
        #expect(d.text.contains("  MaxMemInQueues  512 MB"))
        #expect(d.text.contains("allocator: unknown (not running)"))
        #expect(!d.text.contains("bandwidth") && !d.text.contains("started "))
    }

    @Test func unknownNameIsAUsageError() {
        do {
            _ = try RelayDetail.read(name: "nope", collector: FakeHost.collector())
            Issue.record("expected an error")
        } catch {
            #expect(error.exitCode == 2)
            #expect(error.description.contains("known instances: alpha, beta, gamma"))
        }
    }
}
