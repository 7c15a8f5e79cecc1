import Testing
@testable import TormemCollect

@Suite struct SmapsRatioTests {
    @Test func countsOnlyMappingsLargerThan1000kB() throws {
        let s = SmapsRatio.parse(try FileBytes.read(FakeHost.procRoot + "/1234/smaps"))
        let large = FakeHost.alphaMappings.filter { $0.0 > 1000 }
        #expect(s.mappings == large.count)
        #expect(s.sizeKB == large.map(\.0).reduce(0, +))
        #expect(s.rssKB == large.map(\.1).reduce(0, +))
        #expect(s.ratio == FakeHost.alphaRatio)
    }

    @Test func exactly1000kBIsNotLarger() {
        let text = """
        00400000-00800000 r-xp 00000000 08:01 1 /bin/x
        Size:               1000 kB
        Rss:                 100 kB
        7f0000000000-7f0000400000 rw-p 00000000 00:00 0
        Size:               1001 kB
        Rss:                1001 kB
        """
        let s = SmapsRatio.parse(Array(text.utf8))
        #expect(s.mappings == 1)
        #expect(s.ratio == 1)
    }

    @Test func fieldsThatMerelyEndInSizeOrRssDoNotCount() {
        let text = """
        7f0000000000-7f0000400000 rw-p 00000000 00:00 0
        Size:               4096 kB
        KernelPageSize:     9999 kB
        MMUPageSize:        9999 kB
        Rss:                2048 kB
        Pss:                9999 kB
        SwapPss:            9999 kB
        Anonymous:          2048 kB
        VmFlags: rd wr mr mw me ac
        """
        let s = SmapsRatio.parse(Array(text.utf8))
        #expect(s.sizeKB == 4096)
        #expect(s.rssKB == 2048)
        #expect(s.ratio == 2)
    }

    @Test func nothingResidentGivesNoRatio() {
        #expect(SmapsRatio.parse([]).ratio == nil)
        let swappedOut = "7f0000000000-7f0000400000 rw-p 00000000 00:00 0\nSize: 4096 kB\nRss: 0 kB\n"
        #expect(SmapsRatio.parse(Array(swappedOut.utf8)).ratio == nil)
    }
}
