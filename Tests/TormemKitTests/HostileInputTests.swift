import Foundation
import Testing
import TormemTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Hardening round 2: what a hostile user tries, each with the README's promise asserted. Options
/// that name nothing, side files that are FIFOs or huge, several data files, a 2 GB line.
@Suite struct HostileInputTests {
    struct UsageCase: Sendable, CustomStringConvertible {
        var arguments: [String]
        var message: String
        var description: String { message }
    }

    static let usageCases: [UsageCase] = [
        UsageCase(arguments: ["--group-label", "A="], message: "--group-label \"A=\": expected GROUP=LABEL with both non-empty"),
        UsageCase(arguments: ["--group-label", "A=\"\""], message: "--group-label \"A=\"\"\": expected GROUP=LABEL"),
        UsageCase(arguments: ["--group-label", "=label"], message: "--group-label \"=label\": expected GROUP=LABEL"),
        UsageCase(arguments: ["--group-label", " =label"], message: "expected GROUP=LABEL"),
        UsageCase(arguments: ["--output-dir", ""], message: "--output-dir '': expected a folder name"),
        UsageCase(arguments: ["--data", ""], message: "--data \"\": expected a file name"),
        UsageCase(arguments: ["--json", ""], message: "--json '': expected a file name"),
        UsageCase(arguments: ["--width", "20000", "--height", "20000"], message: "expected at most 50 million pixels per chart"),
        UsageCase(arguments: ["--server-alias", " =new"], message: "--server-alias \" =new\": expected OLD=NEW"),
        UsageCase(arguments: ["--server-alias", "old=  "], message: "--server-alias \"old=  \": expected OLD=NEW"),
        UsageCase(arguments: ["--control", " "], message: "--control \" \": expected a group ID"),
        UsageCase(arguments: ["--prefix", String(repeating: "p", count: 300)], message: "expected a file name prefix without '/', at most 100 bytes"),
        UsageCase(arguments: ["--title", String(repeating: "t", count: 5000)], message: "--title \"tttt"),
        UsageCase(arguments: ["--server-alias", "a=b", "--server-alias", "a=c"], message: "--server-alias \"a=c\": \"a\" is already renamed to \"b\""),
        UsageCase(arguments: ["--server-alias", "a=b", "--server-alias", "b=a"], message: "is itself renamed; expected each server renamed once"),
    ]

    @Test(arguments: [
        (["report", ""], "DIR '': expected a non-empty value"),
        (["regenerate", ""], "ROOT '': expected a non-empty value"),
        (["report", "--new", "x", "--host", "h", "--date", "2025-01-01", "--data", realData, "--reports-dir", ""], "--reports-dir '': expected a non-empty value"),
        (["report", "--new", "x", "--host", "", "--date", "2025-01-01", "--data", realData], "--host '': expected a non-empty value"),
        (["report", "reports/x", "--json", ""], "--json '': expected a non-empty value"),
    ])
    func emptyReportArgumentsAreUsageErrors(_ arguments: [String], _ message: String) throws {
        let r = try run(arguments)
        #expect(r.status == 2, "\(arguments): \(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }

    @Test(arguments: usageCases)
    func degenerateOptionsAreUsageErrors(_ c: UsageCase) throws {
        let out = try temporaryFolder() + "/out"
        let r = try run(["--data", realData, "--output-dir", out] + c.arguments)
        #expect(r.status == 2, "\(c.arguments): \(r.stderr)")
        #expect(r.stderr.contains(c.message), "\(r.stderr)")
        #expect(r.stderr.utf8.count < 1000)   // the bad value is quoted shortly
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test(arguments: ["--control", "--compare"])
    func aGroupOptionNamingNoGroupIsAUsageError(_ option: String) throws {
        let out = try temporaryFolder() + "/out"
        let r = try run(["--data", realData, "--output-dir", out, option, "ZZ"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(option) \"ZZ\": no such group in the data; expected one of A, B, C, D, E"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let monitor = try run(["--data", Fixtures.url("synthetic/monitor_daily_120.csv"), "--output-dir", out, option, "A"])
        #expect(monitor.status == 2)
        #expect(monitor.stderr.contains("\(option) \"A\": the data has no groups"), "\(monitor.stderr)")
        // A group that exists is fine.
        let ok = try run(["--data", realData, "--output-dir", out, option, "A", "-q"])
        #expect(ok.status == 0, "\(ok.stderr)")
    }

    @Test(arguments: [".", ".."])
    func relativeOutputFolders(_ folder: String) throws {
        let dir = try temporaryFolder(folder == "." ? "dot" : "dotdot")
        let sub = dir + "/sub"
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        let r = try runInFolder(sub, ["--data", realData, "--output-dir", folder, "-q"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(listing(folder == "." ? sub : dir).filter { $0.hasSuffix(".png") } == realCharts)
    }

    /// `report .` inside a report folder and `report ..` below one name the folder itself (`.`
    /// trapped in the folder's command path).
    @Test(arguments: [".", "..", "./"])
    func reportOnADotFolder(_ spelling: String) throws {
        let dir = try temporaryFolder("report" + spelling) + "/2025-09-18-co-guard-fragmentation"
        try FileManager.default.copyItem(atPath: Fixtures.url("../reports/2025-09-18-co-guard-fragmentation"), toPath: dir)
        let cwd = spelling == ".." ? dir + "/charts" : dir
        let r = try runInFolder(cwd, ["report", spelling, "-q"])
        #expect(r.status == 0, "\(r.stderr)")
        let readme = try String(contentsOfFile: dir + "/README.md", encoding: .utf8)
        #expect(readme.contains("2025-09-18-co-guard-fragmentation"))
    }

    /// Every side file opened where the data lies: a FIFO is refused at once, never waited on.
    @Test(arguments: ["experiment.json", "relay_config.csv", "groups/group_A.txt"])
    func aSideFileThatIsAFIFOIsRefused(_ name: String) throws {
        let dir = try temporaryFolder("fifo" + name)
        try FileManager.default.createDirectory(atPath: dir + "/groups", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: realData, toPath: dir + "/measurements.csv")
        #expect(mkfifo(dir + "/" + name, 0o600) == 0)
        let r = try run(["--data", dir + "/measurements.csv", "--output-dir", dir + "/out"])
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains(dir + "/" + name + ": expected a regular file, found a fifo"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }

    @Test func aHugeExperimentJSONIsRefusedWithoutReadingIt() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: realData, toPath: dir + "/measurements.csv")
        let json = dir + "/experiment.json"
        try write("{\"name\": \"", to: json)
        #expect(truncate(json, 130 << 20) == 0)   // sparse: 130 MB of NUL bytes
        let r = try run(["--data", dir + "/measurements.csv", "--output-dir", dir + "/out"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("experiment.json: expected a side file of at most 64 MiB, found 130 MiB"), "\(r.stderr)")
    }

    /// One 2 GB line (a sparse file: a header, then NUL bytes without a line end): an input error
    /// after 16 MiB, in bounded memory (the peak of every child so far, this one included).
    @Test func aTwoGigabyteLineIsAnErrorInBoundedMemory() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/line.csv"
        try write("date,time,num_relays,total_mb,avg_mb,min_mb,max_mb\n2025-01-01,00:00:00,2,", to: path)
        #expect(truncate(path, 2 << 30) == 0)
        let (r, peakKiB) = try runMeasured(["--data", path, "--output-dir", dir + "/out"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("line.csv:2: a line longer than 16 MiB"), "\(r.stderr.prefix(300))")
        #expect(r.stderr.utf8.count < 500)
        #expect(peakKiB < 1 << 20, "peak RSS \(peakKiB) KiB")   // this run's own peak: under 1 GB
    }

    @Test func secondExperimentAndSnapshotFilesAreNamedAsNotUsed() throws {
        let dir = try temporaryFolder()
        let experiment = Fixtures.url("synthetic/experiment_25relays.csv")
        let snapshot = Fixtures.url("synthetic/snapshot_60relays.csv")
        try FileManager.default.copyItem(atPath: experiment, toPath: dir + "/second.csv")
        try FileManager.default.copyItem(atPath: snapshot, toPath: dir + "/snap2.csv")
        let two = try run(["--data", experiment, "--data", dir + "/second.csv", "--output-dir", dir + "/a", "-q"])
        #expect(two.status == 0)
        #expect(two.stderr.contains("second.csv: not used: only one experiment table is drawn, the first given (\(experiment))"), "\(two.stderr)")
        let snaps = try run(["--data", snapshot, "--data", dir + "/snap2.csv", "--output-dir", dir + "/b", "-q"])
        #expect(snaps.status == 0)
        #expect(snaps.stderr.contains("snap2.csv: not used: only one snapshot is drawn"), "\(snaps.stderr)")
        let mixedGroups = try run(["--data", experiment, "--data", realData, "--output-dir", dir + "/d", "-q"])
        #expect(mixedGroups.status == 0)
        #expect(mixedGroups.stderr.contains("measurements.csv: its group cells are not used: the group charts come from the experiment table \(experiment)"), "\(mixedGroups.stderr)")
        let unified = Fixtures.url("synthetic/unified_12relays_7days.csv")
        let mixed = try run(["--data", unified, "--data", snapshot, "--output-dir", dir + "/c", "-q"])
        #expect(mixed.status == 0)
        #expect(mixed.stderr.contains("snapshot_60relays.csv: not used: a snapshot is not drawn next to per-relay time series (\(unified))"), "\(mixed.stderr)")
    }

    @Test func aFileGivenTwiceIsReadOnceAndSaysSo() throws {
        let dir = try temporaryFolder()
        let data = Fixtures.url("synthetic/unified_12relays_7days.csv")
        #expect(symlink(data, dir + "/link.csv") == 0)
        let once = try run(["--data", data, "--output-dir", dir + "/a", "--json", "-"])
        let twice = try run(["--data", data, "--data", dir + "/link.csv", "--output-dir", dir + "/b", "--json", "-"])
        #expect(twice.status == 0)
        #expect(twice.stderr.contains("link.csv: the same file as \(data) (given twice); read once"), "\(twice.stderr)")
        #expect(once.stdout.contains("\"relays\": 12") && twice.stdout.contains("\"relays\": 12"))
    }

    /// A 1 GB line in events.csv (sparse): an input error naming the file and line once.
    @Test func aHugeEventsLineIsAnErrorNamingTheFileOnce() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: realData, toPath: dir + "/measurements.csv")
        try write("timestamp,event_type,description,group\n2025-09-10T00:00:00,x,", to: dir + "/events.csv")
        #expect(truncate(dir + "/events.csv", 1 << 30) == 0)
        let r = try run(["--data", dir + "/measurements.csv", "--output-dir", dir + "/out"])
        #expect(r.status == 3)
        #expect(r.stderr == "tormem-charts: error: \(dir)/events.csv:2: a line longer than 16 MiB; expected the short lines of a CSV file (a binary or corrupted file?)\n", "\(r.stderr)")
    }

    @Test func anEventsFileWithCROnlyLineEndsSaysSo() throws {
        let dir = try temporaryFolder()
        try FileManager.default.copyItem(atPath: realData, toPath: dir + "/measurements.csv")
        try write("timestamp,event_type,description,group\r2025-09-20T00:00:00,restart,x,all\r", to: dir + "/events.csv")
        let r = try run(["--data", dir + "/measurements.csv", "--output-dir", dir + "/out"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("events.csv:1: line ends are CR only"), "\(r.stderr)")
    }
}

/// `run` in another working folder.
private func runInFolder(_ folder: String, _ arguments: [String]) throws -> RunResult {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable())
    p.arguments = arguments
    p.currentDirectoryURL = URL(fileURLWithPath: folder)
    let err = Pipe()
    p.standardOutput = FileHandle.nullDevice
    p.standardError = err
    try p.run()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return RunResult(status: p.terminationStatus, stdout: "", stderr: String(decoding: e, as: UTF8.self))
}
