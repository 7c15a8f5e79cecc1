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
        #expect(text.contains("allocator: jemalloc (LD_PRELOAD)\n"))
        #expect(text.contains("group        A\n"))
        #expect(text.contains("time         2025-12-25T02:00:00 UTC\n"))
    }

    @Test func runningWithoutSmapsSaysTheRatioIsUnknown() throws {
        let text = try RelayDetail.read(name: "beta", collector: FakeHost.collector()).text
        #expect(text.contains("fragmentation ratio: unknown (smaps not readable)"))
        #expect(text.contains("allocator: glibc (default)"))
        #expect(text.contains("  DirCache        (not set)"))
    }

    @Test func notRunningStillShowsTheTorrc() throws {
        let d = try RelayDetail.read(name: "gamma", collector: FakeHost.collector())
        #expect(d.reading.pid == nil)
        #expect(d.allocator == nil)
        #expect(d.text.contains("state        not running\n"))
        #expect(d.text.contains("  MaxMemInQueues  512 MB"))
        #expect(d.text.contains("allocator: unknown (not running)"))
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
