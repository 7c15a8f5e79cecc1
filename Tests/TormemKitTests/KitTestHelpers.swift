import Foundation
import TormemTestSupport

/// A fresh empty folder under the temporary directory.
func temporaryFolder(_ name: String = #function) throws -> String {
    let safe = name.filter { $0.isLetter || $0.isNumber }
    let path = NSTemporaryDirectory() + "tormem-kit-\(safe)-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func write(_ text: String, to path: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

func bytes(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: path).map { [UInt8]($0) } }

func listing(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
}

/// The built `tormem-charts` executable, next to the test bundle in the build folder.
func executable(_ name: String = "tormem-charts") -> String {
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = dir.appendingPathComponent(name).path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    return Fixtures.packageRoot + "/.build/debug/" + name
}

struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the executable with `arguments` and waits for it; `stdin` (when given) is written to its
/// standard input through a pipe.
func run(_ arguments: [String], executable path: String = executable(), stdin: [UInt8]? = nil) throws -> RunResult {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = arguments
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    let input = Pipe()
    if stdin != nil { p.standardInput = input }
    try p.run()
    if let stdin {
        let handle = input.fileHandleForWriting
        Thread { handle.write(Data(stdin)); try? handle.close() }.start()
    }
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return RunResult(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                     stderr: String(decoding: e, as: UTF8.self))
}

let realData = Fixtures.url("real-2025-09-18/measurements.csv")

/// The charts the real fixture supports (it has no outlier above mean + 2σ).
let realCharts = ["chart1_memory_over_time.png", "chart2_final_comparison.png", "chart3_fragmentation_timeline.png", "chart4_group_spread.png",
                  "memory_distribution.png", "memory_trajectories.png", "memory_usage.png", "memory_weekly.png"]

/// `report --new guard --host co --date 2025-09-18` of the real fixture with `options`, in a new
/// reports folder: the reports folder and the report folder made (`2025-09-18-co-guard`).
func newRealReport(_ options: [String]) throws -> (root: String, folder: String) {
    let root = try temporaryFolder("report") + "/reports"
    let made = try run(["report", "--new", "guard", "--host", "co", "--date", "2025-09-18", "--data", realData,
                        "--reports-dir", root, "-q"] + options)
    guard made.status == 0 else { throw ReportNewFailed(stderr: made.stderr) }
    return (root, root + "/2025-09-18-co-guard")
}

struct ReportNewFailed: Error { var stderr: String }

/// Runs the executable like `run` and also gives its own peak resident memory in KiB. Not
/// `RUSAGE_CHILDREN` (the largest of every child the test process ever waited for, such as a
/// Prometheus server another test started), and not `wait4` on a child spawned from here either:
/// posix_spawn's vfork child shares the test process's memory, and Linux carries that memory's
/// high-water mark over exec into the child's `ru_maxrss` (a test process of 1.7 GB made a
/// bounded run look 1.7 GB). A small python3 forks and execs it, and reports the `wait4` of that
/// grandchild. Output goes through files, so a child writing much cannot block on a full pipe.
func runMeasured(_ arguments: [String], executable path: String = executable()) throws -> (result: RunResult, peakKiB: Int) {
    let dir = try temporaryFolder("measured")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, dir + "/out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, dir + "/err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let script = PeakMemory.script, python = PeakMemory.python
    let argv = ([python, "-c", script, dir + "/peak", path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, python, &actions, nil, argv, environ)
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
        guard errno == EINTR else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }
    let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    let text = { (name: String) in String(decoding: bytes(dir + "/" + name) ?? [], as: UTF8.self) }
    guard let peak = Int(text("peak")) else { throw POSIXError(.EIO) }
    return (RunResult(status: exit, stdout: text("out"), stderr: text("err")), peak)
}
