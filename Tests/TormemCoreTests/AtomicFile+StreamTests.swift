import Foundation
import Testing
@testable import TormemCore

/// A streamed write: the whole text lands, in blocks; a failure part-way leaves the target as it was.
@Suite struct AtomicFileStreamTests {
    private func folder() throws -> String {
        let path = NSTemporaryDirectory() + "tormem-core-stream-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func writesEveryBlockAndLeavesNoTemporary() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "old\n".write(toFile: dir + "/h.om", atomically: false, encoding: .utf8)
        // 3 MiB and a bit in lines of 64 bytes: more than one block of the sink.
        let line = String(repeating: "x", count: 63) + "\n"
        try AtomicFile.write(to: dir + "/h.om") { sink throws(TormemError) in
            for _ in 0..<(3 * 16_384 + 7) { try sink.write(line) }
        }
        let written = try String(contentsOfFile: dir + "/h.om", encoding: .utf8)
        #expect(written.utf8.count == (3 * 16_384 + 7) * 64)
        #expect(written == String(repeating: line, count: 3 * 16_384 + 7))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["h.om"])
    }

    @Test func aFailurePartWayLeavesTheTargetAsItWas() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "old\n".write(toFile: dir + "/h.om", atomically: false, encoding: .utf8)
        #expect(throws: TormemError.self) {
            try AtomicFile.write(to: dir + "/h.om") { sink throws(TormemError) in
                for _ in 0..<40_000 { try sink.write(String(repeating: "y", count: 99) + "\n") }
                throw .input(Diagnostic(file: "x.csv", message: "bad"))
            }
        }
        #expect(try String(contentsOfFile: dir + "/h.om", encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["h.om"])
    }

    @Test func blocksAreHandedOnAtTheBlockSize() throws {
        var blocks: [Int] = []
        var sink = TextSink(blockSize: 10) { b throws(TormemError) in blocks.append(b.count) }
        for _ in 0..<5 { try sink.write("abcd") }
        try sink.flush()
        #expect(blocks == [12, 8])
    }
}
