import Testing
@testable import TormemCollect

@Suite struct TorrcSettingsTests {
    @Test func keysAreCaseInsensitiveCommentsIgnoredLastWins() throws {
        let s = try #require(TorrcSettings.load(path: FakeHost.instancesDirectory + "/alpha/torrc"))
        // alpha: "dircache 1", then "DirCache 0   # comment"; "MAXMEMINQUEUES 2 GB"; a commented-out 8 GB.
        #expect(s.dirCache == "0")
        #expect(s.dirCacheDisabled)
        #expect(s.maxMemInQueues == "2 GB")
        #expect(s["nickname"] == "alpha")
    }

    @Test func unsetKeysAreNil() throws {
        let s = try #require(TorrcSettings.load(path: FakeHost.instancesDirectory + "/beta/torrc"))
        #expect(s.dirCache == nil)
        #expect(s.maxMemInQueues == nil)
        #expect(!s.dirCacheDisabled)
        #expect(s.memorySettings.map(\.key) == TorrcSettings.memoryKeys)
        #expect(s.memorySettings.allSatisfy { $0.value == nil })
    }

    @Test func continuationLinesAndCRLF() {
        let s = TorrcSettings.parse("MaxMemInQueues \\\r\n  512 MB\r\n#DirCache 0\r\n  DirCache   1  \r\n")
        #expect(s.maxMemInQueues == "512 MB")
        #expect(s.dirCache == "1")
    }

    @Test func missingTorrcIsNil() {
        #expect(TorrcSettings.load(path: "/nonexistent/torrc") == nil)
    }
}
