import Testing
@testable import TormemData

@Suite struct SnapshotLoaderTests {
    @Test func syntheticSnapshot() throws {
        let f = try DataLoader.load(path: fixture("synthetic/snapshot_60relays.csv"))
        #expect(f.format == .snapshot)
        let s = try #require(f.snapshot)
        #expect(s.relays.count + s.notRunning.count == 60)
        #expect(s.notRunning.contains("ritezu4"))
        #expect(!s.relays.contains { $0.name == "ritezu4" })
        #expect(s.host == "relayhost")
        #expect(s.collected?.iso8601 == "2025-12-25T02:00:00")
        let mosezu = try #require(s.relays.first { $0.name == "mosezu1" })
        #expect(mosezu.fragRatio.isNaN)      // N/A
        #expect(mosezu.rssGB == 4.38 && mosezu.pid == 10001)
    }

    @Test func negativeAndTextValuesAreSkipped() throws {
        let f = try load("# Host: h\nrelay,pid,rss_gb,vmsize_gb,hwm_gb,frag_ratio\nr1,1,-1,2,2,1\nr2,2,x,2,2,1\nr3,3,1.5,2,2,1\n")
        #expect(f.skipped == 2)
        #expect(f.snapshot?.relays.map(\.name) == ["r3"])
        #expect(f.warnings.first?.column == "rss_gb")
    }
}
