import Foundation
import Testing
import TormemData
@testable import TormemCollect

@Suite struct AtomicWriterTests {
    @Test func replacesTheFileAndLeavesNoTemporary() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        try tmp.write("old\n", to: "m.prom")
        try AtomicWriter.write("new\n", to: tmp.file("m.prom"))
        #expect(try tmp.read("m.prom") == "new\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path) == ["m.prom"])
    }

    @Test func aMissingFolderIsAnOutputError() {
        #expect(throws: TormemError.self) { try AtomicWriter.write("x", to: "/nonexistent-dir/m.prom") }
    }

    @Test func splitsFolderAndName() {
        #expect(AtomicWriter.split("/a/b/c.prom") == ("/a/b/", "c.prom"))
        #expect(AtomicWriter.split("c.prom") == ("", "c.prom"))
    }
}
