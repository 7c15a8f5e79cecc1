import Testing
import TormemTestSupport
@testable import TormemCollect

@Suite struct MemoryStatusTests {
    @Test func readsEveryKilobyteLineInOrder() throws {
        let text = try FileBytes.text(FakeHost.procRoot + "/1234/status")
        let s = MemoryStatus.parse(text)
        #expect(s.command == "tor")
        #expect(s.rssKB == FakeHost.alpha.rss)
        #expect(s.vmSizeKB == FakeHost.alpha.size)
        #expect(s.hwmKB == FakeHost.alpha.hwm)
        #expect(s.peakKB == FakeHost.alpha.peak)
        #expect(s.fields.first?.name == "VmPeak")
        #expect(s.fields.map(\.name).contains("VmSwap"))
        // Lines without "kB" (Threads, Uid, ...) are not memory fields.
        #expect(s["Threads"] == nil)
        #expect(s["Uid"] == nil)
    }

    @Test func kernelThreadHasNoMemory() throws {
        let s = MemoryStatus.parse(try FileBytes.text(FakeHost.procRoot + "/2/status"))
        #expect(s.rssKB == nil)
        #expect(s.fields.isEmpty)
        #expect(s.command == "kthreadd")
    }

    @Test func toleratesCRLFAndOddSpacing() {
        let s = MemoryStatus.parse("VmRSS:\t12345678 kB\r\nVmSize:   99 kB\r\nVmHWM: x kB\nVmPeak: 5 MB\n")
        #expect(s.rssKB == 12_345_678)
        #expect(s.vmSizeKB == 99)
        #expect(s.hwmKB == nil)
        #expect(s.peakKB == nil)
    }

    @Test func meminfoUsesTheSameShape() throws {
        let info = try #require(ProcReader(root: FakeHost.procRoot).memoryInfo())
        #expect(info["MemTotal"] == 65_859_432)
        #expect(info["MemAvailable"] == 30_123_456)
    }
}
