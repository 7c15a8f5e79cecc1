import Foundation
import Testing
import TormemCore
import TormemTestSupport
@testable import TormemData

/// `--data FILE`… read through the source seam: what `ChartsJob` did itself before, now the
/// source's (issue 22).
@Suite(.serialized) struct CSVFileSourceTests {
    /// Four monitor rows, a day apart.
    static let monitor = monitorHeader + """
        2025-09-18,00:00:00,2,1024,512,400,624,,,,
        2025-09-19,00:00:00,2,2048,1024,900,1148,,,,
        2025-09-20,00:00:00,2,3072,1536,1400,1672,,,,
        2025-09-21,00:00:00,2,4096,2048,1900,2196,,,,

        """

    /// A folder holding `files` (name → text); the path of each.
    static func folder(_ files: [String: String], name: String = #function) throws -> String {
        let dir = try temporaryFolder(name)
        for (file, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/" + file)) }
        return dir
    }

    static func read(_ source: CSVFileSource, window: TimeWindow = TimeWindow(), options: String = "") throws -> (SourceData, [Diagnostic]) {
        var warnings: [Diagnostic] = []
        let data = try source.read(window: window, windowOptions: options) { warnings.append($0) }
        return (data, warnings)
    }

    static func bytes(_ path: String) throws -> [UInt8] { try #require(FileReader.bytes(path)) }

    static func usageError(_ body: () throws -> Void) -> String? {
        do { try body() } catch let e as TormemError { if case .usage(let m) = e { return m } } catch {}
        return nil
    }

    /// A pipe holding `bytes`, its writing end closed (neither end is inherited by a child
    /// process another test starts meanwhile).
    static func pipeWith(_ bytes: [UInt8]) throws -> [Int32] {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let written = bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
        close(fds[1])
        try #require(written == bytes.count)
        return fds
    }

    /// Runs `body` with `bytes` as the process's standard input (a pipe), then restores it.
    static func withStandardInput<T>(_ bytes: [UInt8], _ body: () throws -> T) throws -> T {
        precondition(bytes.count < 60_000, "the pipe is written before it is read")
        let fds = try Self.pipeWith(bytes)
        let saved = dup(0)
        dup2(fds[0], 0)
        close(fds[0])
        defer { dup2(saved, 0); close(saved) }
        return try body()
    }

    @Test func aPlainFileIsReadWithTheSideFilesNextToIt() throws {
        let path = fixture("real-2025-09-18/measurements.csv")
        let source = CSVFileSource(paths: [path])
        #expect(source.name == path)
        #expect(source.caption == "measurements.csv")
        let (data, warnings) = try Self.read(source)
        #expect(data.files.map(\.path) == [path])
        #expect(data.files[0].rows > 0)
        #expect(warnings.isEmpty)
        #expect(data.window == nil)
        let dir = SideFiles.folder(of: path)
        #expect(data.side.experimentPath == dir + "/experiment.json")
        #expect(data.side.relayConfigPath == dir + "/relay_config.csv")
        // The fingerprint: each input by name, with the SHA-256 of its bytes.
        let fingerprint = try data.fingerprint()
        #expect(fingerprint.data == [.init(name: "measurements.csv", sha256: SHA256.hex(try Self.bytes(path)))])
        #expect(fingerprint.sideFiles == [
            .init(name: "experiment.json", sha256: SHA256.hex(try Self.bytes(dir + "/experiment.json"))),
            .init(name: "relay_config.csv", sha256: SHA256.hex(try Self.bytes(dir + "/relay_config.csv"))),
        ])
        #expect(try data.fingerprint() == fingerprint)   // asked again: the same
    }

    @Test func aGzipFileGivesItsTextsNumbersAndTheDigestOfItsOwnBytes() throws {
        let dir = try Self.folder(["memory.csv": Self.monitor])
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/gzip")
        p.arguments = ["-k", "-n", dir + "/memory.csv"]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let (plain, _) = try Self.read(CSVFileSource(paths: [dir + "/memory.csv"]))
        let (packed, _) = try Self.read(CSVFileSource(paths: [dir + "/memory.csv.gz"]))
        #expect(packed.files[0].rows == 4 && packed.files[0].skipped == 0)
        #expect(packed.files[0].servers.map(\.totalKB) == plain.files[0].servers.map(\.totalKB))
        #expect(packed.files[0].servers.map(\.times) == plain.files[0].servers.map(\.times))
        let gz = try Self.bytes(dir + "/memory.csv.gz")
        #expect(gz.starts(with: [0x1f, 0x8b]))
        #expect(try packed.fingerprint().data == [.init(name: "memory.csv.gz", sha256: SHA256.hex(gz))])
    }

    @Test func aPipeIsReadOnceAndHashedAsItIsRead() throws {
        let bytes = Array(Self.monitor.utf8)
        let fds = try Self.pipeWith(bytes)
        defer { close(fds[0]) }
        let path = "/dev/fd/\(fds[0])"
        let source = CSVFileSource(paths: [path])
        #expect(source.caption == "pipe")
        let (data, _) = try Self.read(source)
        #expect(data.files[0].rows == 4)
        #expect(data.files[0].streamDigest == SHA256.hex(bytes))
        // The pipe is empty now: the digest is the one taken while reading.
        #expect(try data.fingerprint().data == [.init(name: String(fds[0]), sha256: SHA256.hex(bytes))])
    }

    @Test func standardInputIsReadAsAStreamWithoutSideFiles() throws {
        // A data file with side files, given after standard input: the side files are the first
        // input's, and standard input has no folder.
        let dir = try Self.folder(["memory.csv": Self.monitor, "experiment.json": #"{"server": "co"}"#])
        let bytes = Array(Self.monitor.utf8)
        let source = CSVFileSource(paths: ["-", dir + "/memory.csv"])
        #expect(source.caption == "standard input, memory.csv")
        let (data, _) = try Self.withStandardInput(bytes) { try Self.read(source) }
        #expect(data.files.map(\.path) == ["-", dir + "/memory.csv"])
        #expect(data.files[0].rows == 4)
        #expect(data.side.paths.isEmpty && data.side.experiment == nil)
        let fingerprint = try data.fingerprint()
        #expect(fingerprint.data.map(\.name) == ["-", "memory.csv"])
        #expect(fingerprint.data.allSatisfy { $0.sha256 == SHA256.hex(bytes) })
        #expect(fingerprint.sideFiles.isEmpty)
        // Given a folder, standard input has its side files.
        let (given, _) = try Self.withStandardInput(bytes) { try Self.read(CSVFileSource(paths: ["-"], sideFolder: dir)) }
        #expect(given.side.experiment?.server == "co")
        #expect(try given.fingerprint().sideFiles.map(\.name) == ["experiment.json"])
    }

    @Test func standardInputGivenTwiceIsAUsageError() throws {
        let message = try Self.withStandardInput(Array(Self.monitor.utf8)) {
            Self.usageError { _ = try Self.read(CSVFileSource(paths: ["-", "-"])) }
        }
        #expect(message == "--data -: standard input given twice; it can be read only once")
        #expect(Self.usageError { _ = try Self.read(CSVFileSource(paths: [])) } == "no data: give at least one --data FILE")
    }

    @Test func aFileGivenTwiceIsReadOnceWithAWarning() throws {
        let dir = try Self.folder(["memory.csv": Self.monitor])
        let path = dir + "/memory.csv"
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.csv", withDestinationPath: path)
        let (data, warnings) = try Self.read(CSVFileSource(paths: [path, dir + "/./memory.csv", dir + "/link.csv"]))
        #expect(data.files.map(\.path) == [path])
        #expect(warnings.map(\.description) == [
            "\(dir)/./memory.csv: the same file as \(path) (given twice); read once",
            "\(dir)/link.csv: the same file as \(path) (given twice); read once",
        ])
        // Each as given is named in the fingerprint.
        let digest = SHA256.hex(try Self.bytes(path))
        #expect(try data.fingerprint().data == [.init(name: "memory.csv", sha256: digest), .init(name: "memory.csv", sha256: digest),
                                                .init(name: "link.csv", sha256: digest)])
    }

    @Test func strictFailsOnAnUnreadableRowThatIsOtherwiseAWarning() throws {
        let text = Self.monitor + "2025-09-22,00:00:00,2,oops,1,1,1,,,,\n"
        let dir = try Self.folder(["memory.csv": text])
        let (lax, warnings) = try Self.read(CSVFileSource(paths: [dir + "/memory.csv"]))
        #expect(lax.files[0].skipped == 1)
        #expect(warnings.count == 1 && warnings[0].line == 6)
        do {
            _ = try Self.read(CSVFileSource(paths: [dir + "/memory.csv"], strict: true))
            Issue.record("--strict read an unreadable row")
        } catch let e as TormemError {
            #expect(e == .input(Diagnostic(file: dir + "/memory.csv", message: "1 unreadable row (--strict)")))
        }
    }

    @Test func theTimeWindowIsAppliedByTheSource() throws {
        let events = """
            timestamp,event_type,description,group
            2025-09-18T00:00:00,restart,before the window,all
            2025-09-21T00:00:00,restart,inside the window,all

            """
        let dir = try Self.folder(["memory.csv": Self.monitor, "events.csv": events])
        let window = try TimeWindow.parse(since: "2025-09-20", until: nil, last: nil).get()
        let (data, _) = try Self.read(CSVFileSource(paths: [dir + "/memory.csv"]), window: window, options: "--since 2025-09-20")
        #expect(data.files[0].servers.map(\.times.count) == [2])
        let applied = try #require(data.window)
        #expect(applied.kept == 2 && applied.outside == 2 && applied.options == "--since 2025-09-20")
        #expect(data.side.events?.events.map(\.description) == ["inside the window"])
        // The fingerprint is of what was read, not of what the window kept.
        #expect(try data.fingerprint().data == [.init(name: "memory.csv", sha256: SHA256.hex(try Self.bytes(dir + "/memory.csv")))])
        // Nothing inside: an input error naming what the data covers.
        let late = try TimeWindow.parse(since: "2026-01-01", until: nil, last: nil).get()
        #expect(throws: TormemError.self) { try Self.read(CSVFileSource(paths: [dir + "/memory.csv"]), window: late, options: "--since 2026-01-01") }
    }

    @Test func theQuantityAskedForIsRead() throws {
        var text = unifiedHeader
        for (k, t) in ["2026-01-01T00:00:00", "2026-01-01T06:00:00", "2026-01-01T12:00:00"].enumerated() {
            text += "\(t),h,relay,,relay0,,\(1000 + k),\(3000 + k),\(2000 + k),3.0,,,,,\n"
        }
        let dir = try Self.folder(["memory.csv": text])
        let (rss, _) = try Self.read(CSVFileSource(paths: [dir + "/memory.csv"]))
        let (hwm, _) = try Self.read(CSVFileSource(paths: [dir + "/memory.csv"], metrics: [.hwm]))
        #expect(rss.files[0].relays.relays.map(\.values) == [[1000, 1001, 1002]])
        #expect(hwm.files[0].relays.relays.map(\.metric) == [.hwm])
        #expect(hwm.files[0].relays.relays.map(\.values) == [[2000, 2001, 2002]])
    }

    @Test func fileNamesAsFoundationHasThem() {
        for path in ["memory.csv", "a/b/memory.csv", "/dev/fd/63", "-", "a/b/", "/", "//x", ""] {
            #expect(CSVFileSource.fileName(path) == (path as NSString).lastPathComponent, "\(path)")
        }
    }
}
