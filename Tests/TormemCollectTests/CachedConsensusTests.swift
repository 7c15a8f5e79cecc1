import Foundation
import Glibc
import Testing
import TormemCore
@testable import TormemCollect

@Suite struct CachedConsensusTests {
    @Test func theIdentityIsTheFingerprintInBase64WithoutPadding() {
        #expect(CachedConsensus.identity(fingerprint: FakeHost.alpha.fingerprint) == "ASNFZ4mrze8BI0VniavN7wEjRWc")
        #expect(CachedConsensus.identity(fingerprint: FakeHost.beta.fingerprint) == "/ty6mHZUMhD+3LqYdlQyEP7cupg")
        #expect(CachedConsensus.identity(fingerprint: String(repeating: "0", count: 40)) == String(repeating: "A", count: 27))
        #expect(CachedConsensus.identity(fingerprint: "0123") == nil)
        #expect(CachedConsensus.identity(fingerprint: String(repeating: "G", count: 40)) == nil)
    }

    /// The fake host: alpha's folder caches a microdesc consensus valid after 01:00, beta's an
    /// older full one (valid after 20:00 the day before, newer file time): valid-after decides.
    @Test func theNewestByValidAfterIsRead() throws {
        let dirs = [FakeHost.instancesDirectory + "/alpha", FakeHost.instancesDirectory + "/beta"]
        let (c, warnings) = CachedConsensus.read(directories: dirs.reversed(), fingerprints: [FakeHost.alpha.fingerprint, FakeHost.beta.fingerprint])
        #expect(warnings.isEmpty)
        let consensus = try #require(c)
        #expect(consensus.path == dirs[0] + "/cached-microdesc-consensus")
        #expect(consensus.validAfter == Timestamp(date: CivilDate(year: 2025, month: 12, day: 25), hour: 1))
        #expect(consensus.entries[FakeHost.alpha.fingerprint] ==
                ConsensusEntry(flags: ["Fast", "Guard", "HSDir", "Running", "Stable", "V2Dir", "Valid"], weight: 15000))
        #expect(consensus.entries[FakeHost.beta.fingerprint] == ConsensusEntry(flags: ["Fast", "Running", "Valid"], weight: 820))
        #expect(consensus.entries.count == 2)   // `other` is not wanted
    }

    @Test func withoutValidAfterTheNewerFileWins() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        let relay = ConsensusFixture.Relay(nickname: "x", fingerprint: ConsensusFixture.fingerprint(1))
        for (folder, weight, age) in [("a", "1", 7200.0), ("b", "2", 60.0)] {
            var r = relay
            r.weight = weight
            let text = ConsensusFixture.document([r]).replacingOccurrences(of: "valid-after 2025-12-25 01:00:00\n", with: "")
            try tmp.write(text, to: "\(folder)/cached-consensus")
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-age)], ofItemAtPath: tmp.file("\(folder)/cached-consensus"))
        }
        let (c, warnings) = CachedConsensus.read(directories: [tmp.file("a"), tmp.file("b")], fingerprints: [relay.fingerprint])
        #expect(warnings.isEmpty)
        #expect(c?.path == tmp.file("b/cached-consensus") && c?.validAfter == nil)
        #expect(c?.entries[relay.fingerprint]?.weight == 2)
    }

    @Test func tenThousandRelaysAreReadOnceForAllWanted() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        let relays = ConsensusFixture.relays(10_000)
        try tmp.write(ConsensusFixture.document(relays), to: "data/cached-microdesc-consensus")
        let wanted = [relays[0], relays[4321], relays[9999]]
        let (c, warnings) = CachedConsensus.read(directories: [tmp.file("data")],
                                                 fingerprints: Set(wanted.map(\.fingerprint) + [ConsensusFixture.fingerprint(99_999)]))
        #expect(warnings.isEmpty)
        let consensus = try #require(c)
        #expect(consensus.entries.count == 3)
        for r in wanted {
            #expect(consensus.entries[r.fingerprint] == ConsensusEntry(flags: ["Fast", "Running", "Stable", "Valid"], weight: Int(r.weight)))
        }
    }

    @Test func aFileThatIsNoConsensusIsSkippedWithOneWarningAndTheOtherUsed() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        let relay = ConsensusFixture.Relay(nickname: "x", fingerprint: ConsensusFixture.fingerprint(1))
        try tmp.write(ConsensusFixture.document([relay], validAfter: "2025-12-20 00:00:00"), to: "old/cached-consensus")
        let junk = Data((0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) })
        try FileManager.default.createDirectory(atPath: tmp.file("new"), withIntermediateDirectories: true)
        try junk.write(to: URL(fileURLWithPath: tmp.file("new/cached-microdesc-consensus")))
        let (c, warnings) = CachedConsensus.read(directories: [tmp.file("new"), tmp.file("old")], fingerprints: [relay.fingerprint])
        #expect(c?.path == tmp.file("old/cached-consensus") && c?.entries[relay.fingerprint]?.weight == 1000)
        #expect(warnings.count == 1)
        #expect(warnings.first?.file == tmp.file("new/cached-microdesc-consensus"))
        #expect(warnings.first?.message.hasPrefix("not a consensus") == true)
    }

    @Test func badEntriesLeaveTheirRelayEmptyWithOneWarningForTheFile() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        var relays = ConsensusFixture.relays(5)
        relays[1].weight = "99999999999999999999999"
        relays[3].weight = "-1"
        var text = ConsensusFixture.document(relays)
        text = text.replacingOccurrences(of: "r relay2 ", with: "r relay2\n")   // an r line cut short
        text = text.replacingOccurrences(of: "pr Conflux=1", with: String(repeating: "x", count: 70_000) + " pr Conflux=1")
        try tmp.write(text, to: "d/cached-consensus")
        let (c, warnings) = CachedConsensus.read(directories: [tmp.file("d")], fingerprints: Set(relays.map(\.fingerprint)))
        let entries = try #require(c).entries
        #expect(entries[relays[0].fingerprint]?.weight == 7)
        #expect(entries[relays[1].fingerprint] == ConsensusEntry(flags: ["Fast", "Running", "Stable", "Valid"], weight: nil))
        #expect(entries[relays[2].fingerprint] == nil)
        #expect(entries[relays[3].fingerprint]?.weight == nil)
        #expect(entries[relays[4].fingerprint]?.weight == 19)
        #expect(warnings.count == 1, "\(warnings)")
        let w = try #require(warnings.first)
        #expect(w.file == tmp.file("d/cached-consensus"))
        #expect(w.message.contains("w Bandwidth=: expected a whole number") && w.message.contains("and 2 more such lines"), "\(w.message)")
        #expect(w.message.contains("5 lines longer than 64 KiB skipped"), "\(w.message)")
    }

    @Test func aTruncatedConsensusGivesTheEntriesBeforeTheCut() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        let relays = ConsensusFixture.relays(3)
        let text = ConsensusFixture.document(relays)
        let cut = text.range(of: "w Bandwidth=10")!.lowerBound   // relay1's w line
        try tmp.write(String(text[..<cut]) + "w Band", to: "d/cached-consensus")
        let (c, warnings) = CachedConsensus.read(directories: [tmp.file("d")], fingerprints: Set(relays.map(\.fingerprint)))
        #expect(warnings.isEmpty)
        #expect(c?.entries[relays[0].fingerprint]?.weight == 7)
        #expect(c?.entries[relays[1].fingerprint] == ConsensusEntry(flags: ["Fast", "Running", "Stable", "Valid"], weight: nil))
        #expect(c?.entries[relays[2].fingerprint] == nil)
    }

    @Test func aFIFOOrFolderInPlaceOfTheConsensusIsNotWaitedOn() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        try tmp.write("", to: "d/.keep")
        #expect(mkfifo(tmp.file("d/cached-consensus"), 0o600) == 0)
        try FileManager.default.createDirectory(atPath: tmp.file("d/cached-microdesc-consensus"), withIntermediateDirectories: true)
        let (c, warnings) = CachedConsensus.read(directories: [tmp.file("d")], fingerprints: [ConsensusFixture.fingerprint(1)])
        #expect(c == nil)
        #expect(warnings.map(\.file) == [tmp.file("d/cached-consensus"), tmp.file("d/cached-microdesc-consensus")])
        #expect(warnings.allSatisfy { $0.message.hasPrefix("cannot read the cached consensus: a ") })
    }

    /// A 100 MB consensus: read up to the cap (64 MiB) in bounded memory, the relay before the
    /// cap found, the one after it not, and a warning saying so. The memory is the collector's
    /// own peak (a child `tormem csv`, measured with wait4; about 17 MB for the fixtures alone): a
    /// whole read would hold 64 MiB more.
    @Test func aHundredMegabyteConsensusIsReadInBoundedMemoryUpToTheCap() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        // The fake host's instances, alpha's DataDirectory holding the big consensus.
        let alphaData = tmp.file("instances/alpha")
        try FileManager.default.createDirectory(atPath: alphaData, withIntermediateDirectories: true)
        for name in ["alpha", "beta", "gamma"] {
            try FileManager.default.copyItem(atPath: FakeHost.instancesDirectory + "/\(name)", toPath: tmp.file("instances/\(name)"))
        }
        try? FileManager.default.removeItem(atPath: tmp.file("instances/beta/cached-consensus"))
        let path = alphaData + "/cached-microdesc-consensus"
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        let alpha = ConsensusFixture.Relay(nickname: "alpha", fingerprint: FakeHost.alpha.fingerprint, flags: "Guard Running", weight: "4242")
        let beta = ConsensusFixture.Relay(nickname: "beta", fingerprint: FakeHost.beta.fingerprint, flags: "Exit Running", weight: "77")
        out.write(Data((ConsensusFixture.header() + ConsensusFixture.entry(alpha)).utf8))
        let filler = Data(ConsensusFixture.relays(4000).enumerated().map { ConsensusFixture.entry($0.element, index: $0.offset) }.joined().utf8)
        var size = 0
        while size < 100_000_000 { out.write(filler); size += filler.count }
        out.write(Data((ConsensusFixture.entry(beta) + ConsensusFixture.footer).utf8))
        try out.close()

        let err = tmp.file("stderr")
        let (ending, peakKiB) = try ChildProcess.runMeasured(TormemBinary.path, ["csv", "--proc-root", FakeHost.procRoot, "--instances-dir", tmp.file("instances"),
                                                                                 "--process-instances-dir", FakeHost.processView],
                                                             stdout: .file(tmp.file("stdout")), stderr: .file(err))
        #expect(ending == .exit(0))
        let rows = csvLines(try tmp.read("stdout")).filter { $0.count > 4 && $0[2] == "relay" }
        let byName = Dictionary(uniqueKeysWithValues: rows.map { ($0[4], $0) })
        #expect(byName["alpha"]?.suffix(2) == ["Guard Running", "4242"])
        #expect(byName["beta"]?.suffix(2) == ["", ""])
        let stderr = try tmp.read("stderr")
        #expect(stderr == "tormem: warning: \(path): larger than 64 MiB: only its first 64 MiB were read (a consensus is a few MB); relays listed after them have no flags or weight\n")
        #expect(peakKiB < 48 * 1024, "peak RSS \(peakKiB) KiB")
    }
}
