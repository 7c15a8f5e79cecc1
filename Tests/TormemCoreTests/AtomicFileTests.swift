import Foundation
import Testing
@testable import TormemCore

@Suite struct AtomicFileTests {
    private func folder() throws -> String {
        let path = NSTemporaryDirectory() + "tormem-core-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func replacesTheFileAndLeavesNoTemporary() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "old\n".write(toFile: dir + "/m.prom", atomically: false, encoding: .utf8)
        try AtomicFile.write("new\n", to: dir + "/m.prom")
        #expect(try String(contentsOfFile: dir + "/m.prom", encoding: .utf8) == "new\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["m.prom"])
    }

    @Test func aMissingFolderIsAnOutputError() {
        #expect(throws: TormemError.self) { try AtomicFile.write("x", to: "/nonexistent-dir/m.prom") }
        do {
            try AtomicFile.write("x", to: "/nonexistent-dir/m.prom")
        } catch {
            #expect(error.exitCode == 4)
            #expect(error.description == "/nonexistent-dir/m.prom: cannot write: no such file or directory")
        }
    }

    @Test func makeDirectoryCreatesParentsAndRefusesAFile() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileOutput.makeDirectory(dir + "/a/b/c")
        var isDir: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: dir + "/a/b/c", isDirectory: &isDir) && isDir.boolValue)
        try "x".write(toFile: dir + "/file", atomically: false, encoding: .utf8)
        #expect(throws: TormemError.output(path: dir + "/file", reason: "exists and is not a directory")) {
            try FileOutput.makeDirectory(dir + "/file")
        }
    }

    @Test func parentDirectories() {
        #expect(FileOutput.parentDirectory(of: "/a/b/c.prom") == "/a/b")
        #expect(FileOutput.parentDirectory(of: "c.prom") == ".")
        #expect(FileOutput.parentDirectory(of: "/c") == "/")
        #expect(FileOutput.parentDirectory(of: "a/b/") == "a")
    }

    @Test func systemErrorTextIsLowercase() {
        #expect(SystemError.text(2) == "no such file or directory")
        #expect(SystemError.text(13) == "permission denied")
    }

    // MARK: Hostile folders (the collector writes as root into folders others may write to)

    private func victim(_ dir: String) throws -> String {
        let outside = dir + "-outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try "precious\n".write(toFile: outside + "/victim", atomically: false, encoding: .utf8)
        return outside + "/victim"
    }

    @Test(arguments: [true, false])
    func aLinkPlantedAtTheOldPredictableTemporaryNameIsNotFollowed(unnamed: Bool) throws {
        let dir = try folder()
        let victim = try victim(dir)
        // Every name the old writer could have used for this process.
        try FileManager.default.createSymbolicLink(atPath: dir + "/.m.prom.tmp-\(getpid())", withDestinationPath: victim)
        try AtomicFile.writeAll([(dir + "/m.prom", Array("new\n".utf8))], unnamed: unnamed)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        #expect(try String(contentsOfFile: dir + "/m.prom", encoding: .utf8) == "new\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/.m.prom.tmp-\(getpid())") == victim)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == [".m.prom.tmp-\(getpid())", "m.prom"])
    }

    @Test func temporaryNamesAreUnpredictable() {
        let names = (0..<200).map { _ in AtomicFile.temporaryName(for: "/d/m.prom") }
        #expect(Set(names).count == names.count)
        for n in names {
            #expect(n.hasPrefix("/d/.m.prom.tormem-tmp-\(getpid())-"))
            #expect(AtomicFile.temporaryOwner(String(n.dropFirst(3))) == getpid())
        }
        // A very long target name still gives a valid file name (at most 255 bytes).
        let long = String(repeating: "é", count: 120)
        #expect(AtomicFile.temporaryName(for: long).utf8.count < 200)
    }

    @Test(arguments: [true, false])
    func aLinkAtTheTargetIsReplacedNeverWrittenThrough(unnamed: Bool) throws {
        let dir = try folder()
        let victim = try victim(dir)
        try FileManager.default.createSymbolicLink(atPath: dir + "/m.prom", withDestinationPath: victim)
        try FileManager.default.createSymbolicLink(atPath: dir + "/dangling.prom", withDestinationPath: dir + "-outside/new")
        try AtomicFile.writeAll([(dir + "/m.prom", Array("new\n".utf8)), (dir + "/dangling.prom", Array("x".utf8))], unnamed: unnamed)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        #expect(!FileManager.default.fileExists(atPath: dir + "-outside/new"))
        let attributes = try FileManager.default.attributesOfItem(atPath: dir + "/m.prom")
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect(try String(contentsOfFile: dir + "/m.prom", encoding: .utf8) == "new\n")
    }

    @Test func staleCleanupRemovesOnlyItsOwnDeadTemporaries() throws {
        let dir = try folder()
        let victim = try victim(dir)
        let dead = "99999999"  // above the largest PID Linux hands out (4194304)
        let ours = ".m.prom.tormem-tmp-\(dead)-0123456789abcdef"
        let kept = [".notes.tmp-123", ".m.prom.tmp-\(dead)", ".m.prom.tormem-tmp-\(dead)-0123456789ABCDEF",
                    ".m.prom.tormem-tmp-\(dead)-0123", ".m.prom.tormem-tmp-0\(dead)-0123456789abcdef",
                    "m.prom.tormem-tmp-\(dead)-0123456789abcdef", ".m.prom.tormem-tmp-\(getpid())-0123456789abcdef",
                    ".m.prom.tormem-tmp-\(dead)-0123456789abcdef.bak"]
        for name in kept + [ours] { try "x".write(toFile: dir + "/" + name, atomically: false, encoding: .utf8) }
        let link = ".l.tormem-tmp-\(dead)-fedcba9876543210", folderName = ".f.tormem-tmp-\(dead)-fedcba9876543210"
        try FileManager.default.createSymbolicLink(atPath: dir + "/" + link, withDestinationPath: victim)
        try FileManager.default.createDirectory(atPath: dir + "/" + folderName, withIntermediateDirectories: false)
        AtomicFile.removeStaleTemporaries(in: dir)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == (kept + [link, folderName]).sorted())
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
    }

    // MARK: All or nothing

    @Test(arguments: [true, false])
    func aFailedRenamePartWayPutsEveryEarlierFileBack(unnamed: Bool) throws {
        let dir = try folder()
        try "old a".write(toFile: dir + "/a.png", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir + "/b.png", withDestinationPath: "a.png")
        // c.png is a folder that is not empty: renaming a file over it fails.
        try FileManager.default.createDirectory(atPath: dir + "/c.png", withIntermediateDirectories: false)
        try "keep".write(toFile: dir + "/c.png/inside", atomically: false, encoding: .utf8)
        #expect(throws: TormemError.self) {
            try AtomicFile.writeAll([(dir + "/a.png", Array("new a".utf8)), (dir + "/new.png", Array("n".utf8)),
                                     (dir + "/b.png", Array("new b".utf8)), (dir + "/c.png", Array("c".utf8)),
                                     (dir + "/d.png", Array("d".utf8))], unnamed: unnamed)
        }
        #expect(try String(contentsOfFile: dir + "/a.png", encoding: .utf8) == "old a")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/b.png") == "a.png")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["a.png", "b.png", "c.png"])
        do {
            try AtomicFile.writeAll([(dir + "/a.png", Array("x".utf8)), (dir + "/c.png", Array("c".utf8))])
        } catch {
            #expect(error.exitCode == 4)
            #expect(error.description.hasPrefix(dir + "/c.png: cannot write: "))
        }
    }

    @Test func makeDirectoryReportsWhatItCreated() throws {
        let dir = try folder()
        #expect(try FileOutput.makeDirectory(dir + "/a/b") == [dir + "/a", dir + "/a/b"])
        #expect(try FileOutput.makeDirectory(dir + "/a/b") == [])
        FileOutput.removeDirectories([dir + "/a", dir + "/a/b"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [])
    }

    @Test(arguments: [true, false])
    func aCopyIsMadePieceByPieceAndAllOrNothing(unnamed: Bool) throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Larger than one piece (1 MiB), not a multiple of it.
        let big = (0..<(3 << 20) + 12_345).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        try Data(big).write(to: URL(fileURLWithPath: dir + "/source.csv"))
        try AtomicFile.writeAll([(path: dir + "/copy.csv", content: .copy(of: dir + "/source.csv")),
                                 (path: dir + "/note.txt", content: .bytes(Array("n".utf8)))], unnamed: unnamed)
        #expect(FileManager.default.contents(atPath: dir + "/copy.csv").map([UInt8].init) == big)
        // A source that is missing, or a FIFO (never waited on), is an input error and nothing is written.
        #expect(mkfifo(dir + "/fifo", 0o600) == 0)
        for bad in ["/missing.csv", "/fifo"] {
            #expect(throws: TormemError.self) {
                try AtomicFile.writeAll([(path: dir + "/first.txt", content: .bytes([1])),
                                         (path: dir + "/second.csv", content: .copy(of: dir + bad))], unnamed: unnamed)
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["copy.csv", "fifo", "note.txt", "source.csv"])
    }
}
