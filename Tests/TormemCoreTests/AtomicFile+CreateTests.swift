import Foundation
import Testing
@testable import TormemCore

@Suite struct AtomicFileCreateTests {
    private func folder() throws -> String {
        let path = NSTemporaryDirectory() + "tormem-core-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func createsAMissingFileAndLeavesNoTemporary() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try AtomicFile.create(Array("a,b\n".utf8), at: dir + "/c.csv"))
        #expect(try String(contentsOfFile: dir + "/c.csv", encoding: .utf8) == "a,b\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["c.csv"])
    }

    /// What is there stays: a person's file, and a link (neither replaced nor written through).
    @Test func neverReplacesWhatIsThere() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "mine\n".write(toFile: dir + "/c.csv", atomically: false, encoding: .utf8)
        #expect(try !AtomicFile.create(Array("new\n".utf8), at: dir + "/c.csv"))
        #expect(try String(contentsOfFile: dir + "/c.csv", encoding: .utf8) == "mine\n")
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.csv", withDestinationPath: dir + "/elsewhere.csv")
        #expect(try !AtomicFile.create(Array("new\n".utf8), at: dir + "/link.csv"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/elsewhere.csv"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["c.csv", "link.csv"])
    }

    @Test func aMissingFolderIsAnOutputError() {
        #expect(throws: TormemError.self) { try AtomicFile.create([1], at: "/nonexistent-dir/c.csv") }
    }
}
