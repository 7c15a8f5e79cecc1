import Foundation
import Testing
import TormemCore
@testable import TormemData

/// The data files' digests hashed on the idle-priority thread, by the waiting thread, or by both
/// (taken over part way): always the SHA-256 of each regular file, and nothing for the rest.
@Suite struct FileDigestsTests {
    @Test func regularFilesOnlyWhoeverHashesThem() throws {
        let dir = try temporaryFolder()
        var expected: [String: String] = [:]
        var paths: [String] = []
        // Empty, smaller than a piece, several pieces and a ragged end.
        for (i, size) in [0, 1000, 128 << 10, 700_001].enumerated() {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ i) }
            let path = dir + "/data\(i).csv"
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            expected[path] = SHA256.hex(bytes)
            paths.append(path)
        }
        let fifo = dir + "/pipe.csv"
        #expect(mkfifo(fifo, 0o600) == 0)
        let others = [fifo, dir, dir + "/missing.csv", "-"]
        // Waited for at once (the thread may not have started), after a while (it may be done),
        // and in between; the same path given twice is hashed once.
        for delay in [0, 1, 5, 50] {
            let digests = FileDigests(paths + others + [paths[3]])
            if delay > 0 { usleep(useconds_t(delay * 1000)) }
            #expect(digests.wait() == expected, "after \(delay) ms")
        }
        #expect(FileDigests(others).wait() == [:])
        #expect(FileDigests([]).wait() == [:])
    }
}
