import Testing
@testable import TormemCollect

@Suite struct RelayInstanceTests {
    @Test func fingerprintFileGivesNicknameAndFingerprint() {
        let r = RelayInstance.parseFingerprintFile("myRelay 0123456789ABCDEF0123456789ABCDEF01234567\n")
        #expect(r?.0 == "myRelay")
        #expect(r?.1 == "0123456789ABCDEF0123456789ABCDEF01234567")
    }

    @Test func groupedAndLowerCaseFingerprintsAreNormalised() {
        let r = RelayInstance.parseFingerprintFile("x 0123 4567 89ab cdef 0123 4567 89AB CDEF 0123 4567")
        #expect(r?.1 == "0123456789ABCDEF0123456789ABCDEF01234567")
    }

    @Test(arguments: ["", "onlynickname", "x 0123", "x ZZ23456789ABCDEF0123456789ABCDEF01234567"])
    func malformedFingerprintFilesGiveNothing(_ text: String) {
        #expect(RelayInstance.parseFingerprintFile(text) == nil)
    }

    @Test func loadsFromAFolderWithoutFingerprint() {
        let r = RelayInstance.load(name: "gamma", directory: FakeHost.instancesDirectory + "/gamma")
        #expect(r.nickname == "gamma")
        #expect(r.fingerprint == "")
        #expect(r.torrcPath == FakeHost.instancesDirectory + "/gamma/torrc")
        #expect(r.dataDirectory == nil)
    }

    /// The DataDirectory is kept: where the fingerprint was found, else the torrc's, else the
    /// data root's folder when there is one.
    @Test func theDataDirectoryIsKept() throws {
        #expect(RelayInstance.load(name: "alpha", directory: FakeHost.instancesDirectory + "/alpha").dataDirectory
                == FakeHost.instancesDirectory + "/alpha")
        let tmp = TempDirectory()
        defer { tmp.remove() }
        try tmp.write("DataDirectory /var/lib/tor-x\n", to: "instances/x/torrc")
        try tmp.write("", to: "data/y/.keep")
        try tmp.write("", to: "instances/y/torrc")
        #expect(RelayInstance.load(name: "x", directory: tmp.file("instances/x"), dataRoot: tmp.file("data")).dataDirectory == "/var/lib/tor-x")
        #expect(RelayInstance.load(name: "y", directory: tmp.file("instances/y"), dataRoot: tmp.file("data")).dataDirectory == tmp.file("data/y"))
    }
}
