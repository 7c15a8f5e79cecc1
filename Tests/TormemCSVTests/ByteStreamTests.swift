#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
@testable import TormemCSV
import TormemCore

/// `CSVReader(input:)`: gzip files whatever their name, pipes and FIFOs read as streams.
@Suite struct ByteStreamTests {
    static let text = (0..<5000).map { "2025-01-01T00:00:00,host,relay,,r\($0),,\($0 * 7),,,,,,,," }.joined(separator: "\n") + "\n"

    func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/gzip")
        p.arguments = ["-c", "-n"]
        let input = Pipe(), output = Pipe()
        p.standardInput = input; p.standardOutput = output
        try p.run()
        let writer = Thread { input.fileHandleForWriting.write(Data(bytes)); try? input.fileHandleForWriting.close() }
        writer.start()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return [UInt8](out)
    }

    func records(_ path: String) throws -> (Parsed, CSVReader) {
        var reader = try CSVReader(input: path)
        return (try collect(&reader), reader)
    }

    @Test func gzipIsReadByItsMagicWhateverItsName() throws {
        try withTemporaryDirectory { dir in
            let plain = Array(Self.text.utf8)
            writeFile(dir + "/plain.csv", plain)
            writeFile(dir + "/packed.csv", try gzip(plain))       // no .gz in the name
            let (a, ra) = try records(dir + "/plain.csv")
            let (b, rb) = try records(dir + "/packed.csv")
            #expect(a == b)
            #expect(a.records.count == 5000)
            #expect(!ra.isStream && rb.isStream)
            #expect(rb.streamDigest == nil)       // a file can be hashed again
        }
    }

    @Test func concatenatedMembersAreOneInput() throws {
        try withTemporaryDirectory { dir in
            let first = Array("a,b\n1,2\n".utf8), second = Array("3,4\n".utf8)
            writeFile(dir + "/two.gz", try gzip(first) + gzip(second))
            let (p, _) = try records(dir + "/two.gz")
            #expect(p.records.map(\.strings) == [["a", "b"], ["1", "2"], ["3", "4"]])
        }
    }

    @Test func truncatedAndCorruptGzipAreErrorsNamingTheFile() throws {
        try withTemporaryDirectory { dir in
            let packed = try gzip(Array(Self.text.utf8))
            writeFile(dir + "/cut.gz", Array(packed.prefix(packed.count / 2)))
            #expect(throws: CSVError.unreadable(path: dir + "/cut.gz", reason: "the gzip data ends early (a truncated file?)")) {
                _ = try records(dir + "/cut.gz")
            }
            var bad = packed
            for i in 20..<60 { bad[i] ^= 0x5a }
            writeFile(dir + "/bad.gz", bad)
            do {
                _ = try records(dir + "/bad.gz")
                Issue.record("a corrupt gzip file was read")
            } catch let e as CSVError {
                #expect(e.path == dir + "/bad.gz")
                #expect(e.reason.hasPrefix("cannot read: corrupt gzip data: ") || e.reason.contains("ends early"), "\(e)")
            }
        }
    }

    @Test func aPipeIsReadAsItComesAndFingerprinted() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let bytes = Array(Self.text.utf8)
        let writeEnd = fds[1]
        // The writer sends in pieces with pauses, as a slow program would.
        let writer = Thread {
            var at = 0
            while at < bytes.count {
                let n = min(7_000, bytes.count - at)
                _ = bytes[at..<(at + n)].withUnsafeBytes { write(writeEnd, $0.baseAddress, n) }
                at += n
                usleep(2_000)
            }
            close(writeEnd)
        }
        writer.start()
        let (p, reader) = try records("/proc/self/fd/\(fds[0])")
        close(fds[0])
        #expect(p.records.count == 5000)
        #expect(reader.streamDigest == SHA256.hex(bytes))
    }

    @Test func aFifoWithoutAWriterIsNotWaitedFor() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/fifo"
            #expect(mkfifo(path, 0o600) == 0)
            let (p, reader) = try records(path)
            #expect(p.records.isEmpty)
            #expect(reader.emptyStreamReason?.hasPrefix("nothing was written to this fifo") == true)
        }
    }
}
