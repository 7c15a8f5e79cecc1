import Foundation
import Testing
import TormemCore
import TormemTestSupport

/// `--data -`, gzip files and pipes end to end.
@Suite struct StreamInputTests {
    func gzip(_ path: String, to out: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/gzip")
        p.arguments = ["-c", "-n", path]
        FileManager.default.createFile(atPath: out, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        try p.run()
        p.waitUntilExit()
    }

    /// A copy of the real data without its side files (standard input has none).
    func plainData() throws -> (dir: String, path: String, bytes: [UInt8]) {
        let dir = try temporaryFolder()
        let data = try #require(bytes(realData))
        try Data(data).write(to: URL(fileURLWithPath: dir + "/measurements.csv"))
        return (dir, dir + "/measurements.csv", data)
    }

    @Test func standardInputGzipAndFileGiveTheSameNumbers() throws {
        let (dir, path, data) = try plainData()
        try gzip(path, to: dir + "/m.csv.gz")
        let file = try run(["--data", path, "--output-dir", dir + "/a", "--json", "-"])
        let stdin = try run(["--data", "-", "--output-dir", dir + "/b", "--json", "-"], stdin: data)
        let packed = try run(["--data", dir + "/m.csv.gz", "--output-dir", dir + "/c", "--json", "-"])
        #expect(file.status == 0 && stdin.status == 0 && packed.status == 0, "\(stdin.stderr) \(packed.stderr)")
        #expect(stdin.stdout == file.stdout)
        #expect(packed.stdout == file.stdout)
        #expect(listing(dir + "/b") == listing(dir + "/a"))
        // Drawn again from the same bytes: the same files; from other bytes: another fingerprint.
        let again = try run(["--data", "-", "--output-dir", dir + "/d", "-q"], stdin: data)
        #expect(again.status == 0 && bytes(dir + "/d/memory_usage.png") == bytes(dir + "/b/memory_usage.png"))
        let other = try run(["--data", "-", "--output-dir", dir + "/e", "-q"], stdin: data + Array("\n".utf8))
        #expect(other.status == 0 && bytes(dir + "/e/memory_usage.png") != bytes(dir + "/b/memory_usage.png"))
    }

    @Test func standardInputLooksForNoSideFilesAndIsReadOnce() throws {
        let (dir, _, data) = try plainData()
        // Side files in the current folder are not standard input's.
        try write("{ this is not json", to: dir + "/experiment.json")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable())
        p.arguments = ["--data", "-", "--output-dir", "out", "-q"]
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        let input = Pipe(), err = Pipe()
        p.standardInput = input; p.standardError = err
        try p.run()
        input.fileHandleForWriting.write(Data(data)); try input.fileHandleForWriting.close()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))")
        let twice = try run(["--data", "-", "--data", "-", "--output-dir", dir + "/x"], stdin: data)
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("standard input given twice"))
        let empty = try run(["--data", "-", "--output-dir", dir + "/y"], stdin: [])
        #expect(empty.status == 3)
        #expect(empty.stderr.contains("-: standard input is empty"))
    }

    @Test func aReportFolderKeepsAFileNotAStream() throws {
        let (dir, path, _) = try plainData()
        let refused = try run(["report", "x", "--data", "-"], stdin: [])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("save standard input to a file first"))
        let fifo = dir + "/pipe.csv"
        #expect(mkfifo(fifo, 0o600) == 0)
        let viaFifo = try run(["report", "--new", "x", "--host", "h", "--date", "2025-01-01", "--data", fifo, "--reports-dir", dir + "/reports"])
        #expect(viaFifo.status == 3)
        #expect(viaFifo.stderr.contains("pipe.csv: cannot copy the data file into the report folder: a fifo, not a regular file"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/reports"))
        // A gzip data file is copied as it is, under a .gz name, and drawn from.
        try gzip(path, to: dir + "/measurements.csv.gz")
        let packed = try run(["report", "--new", "gz", "--host", "h", "--date", "2025-01-01", "--data", dir + "/measurements.csv.gz",
                              "--reports-dir", dir + "/reports", "-q"])
        #expect(packed.status == 0, "\(packed.stderr)")
        let folder = dir + "/reports/2025-01-01-h-gz"
        #expect(bytes(folder + "/measurements.csv.gz") == bytes(dir + "/measurements.csv.gz"))
        #expect(listing(folder + "/charts").count == 7)
        let check = try run(["regenerate", dir + "/reports", "--check"])
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
    }
}
