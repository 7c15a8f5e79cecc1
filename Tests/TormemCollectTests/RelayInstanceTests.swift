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
    }
}
