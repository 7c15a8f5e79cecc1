import Testing
@testable import TormemCollect

@Suite struct TorrcFileTests {
    @Test func includesAreReadInPlaceFilesAndFolders() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        try tmp.write("Nickname fromTorrc\n%include \(tmp.file("extra.conf"))\n%include conf.d\n", to: "torrc")
        try tmp.write("DataDirectory /var/lib/tor-instances/x\n", to: "extra.conf")
        try tmp.write("MaxMemInQueues 2 GB\n", to: "conf.d/10-mem.conf")
        try tmp.write("DirCache 0\n", to: "conf.d/20-dir.conf")
        try tmp.write("DirCache 1\n", to: "conf.d/.hidden")
        let s = try #require(TorrcSettings.load(path: tmp.file("torrc")))
        #expect(s.nickname == "fromTorrc")
        #expect(s.dataDirectory == "/var/lib/tor-instances/x")
        #expect(s.maxMemInQueues == "2 GB")
        #expect(s.dirCache == "0")
    }

    @Test func anIncludeLoopEnds() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        try tmp.write("%include \(tmp.file("torrc"))\nNickname looped\n", to: "torrc")
        #expect(TorrcSettings.load(path: tmp.file("torrc"))?.nickname == "looped")
    }

    @Test func theFingerprintIsFoundInTheDataDirectory() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        let fp = String(repeating: "AB12", count: 10)
        // 1. The torrc's DataDirectory.
        try tmp.write("Nickname one\nDataDirectory \(tmp.file("data/one"))\n", to: "instances/one/torrc")
        try tmp.write("oneFromFile \(fp)\n", to: "data/one/fingerprint")
        // 2. No DataDirectory: the data root.
        try tmp.write("ORPort 9001\n", to: "instances/two/torrc")
        try tmp.write("twoFromFile \(fp)\n", to: "root/two/fingerprint")
        // 3. The instance folder itself (older layouts).
        try tmp.write("ORPort 9002\n", to: "instances/three/torrc")
        try tmp.write("threeFromFile \(fp)\n", to: "instances/three/fingerprint")
        let all = try InstanceDirectory(path: tmp.file("instances"), dataRoot: tmp.file("root")).instances()
        #expect(all.map(\.name) == ["one", "three", "two"])
        #expect(all.map(\.nickname) == ["one", "threeFromFile", "twoFromFile"])   // the torrc's Nickname wins
        #expect(all.allSatisfy { $0.fingerprint == fp.uppercased() })
    }
}
