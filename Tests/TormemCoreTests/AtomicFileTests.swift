import Foundation
import Testing
import TormemCore

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
}
