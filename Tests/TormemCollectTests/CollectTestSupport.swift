import Foundation
import Testing
import TormemCore
import TormemData
import TormemTestSupport
@testable import TormemCollect

/// The fake host in `Fixtures/collect/`: what its files say, written down once.
enum FakeHost {
    static let procRoot = Fixtures.url("collect/proc")
    static let instancesDirectory = Fixtures.url("collect/instances")
    static let config = Fixtures.url("collect/relay_config.csv")
    /// The fixture's processes name `/etc/tor/instances/NAME/torrc`, as on a real host.
    static let processView = "/etc/tor/instances"
    static let hostName = "fakehost"
    static let kernel = "6.1.0-28-amd64"
    static let time = Timestamp(date: CivilDate(year: 2025, month: 12, day: 25), hour: 2)

    struct Relay {
        var name: String
        var pid: Int32?
        var fingerprint: String
        var group: String
        var peak = 0, size = 0, hwm = 0, rss = 0
    }

    static let alpha = Relay(name: "alpha", pid: 1234, fingerprint: "0123456789ABCDEF0123456789ABCDEF01234567",
                             group: "A", peak: 2_457_600, size: 2_403_328, hwm: 1_835_008, rss: 1_572_864)
    static let beta = Relay(name: "beta", pid: 2345, fingerprint: "FEDCBA9876543210FEDCBA9876543210FEDCBA98",
                            group: "B", peak: 800_000, size: 786_432, hwm: 614_400, rss: 524_288)
    static let gamma = Relay(name: "gamma", pid: nil, fingerprint: "", group: "")
    static let relays = [alpha, beta, gamma]
    static var running: [Relay] { relays.filter { $0.pid != nil } }

    /// alpha's smaps: (Size, Rss) of each mapping, as written in the file.
    static let alphaMappings = [(2048, 1024), (3_145_728, 1_310_720), (65536, 65536), (160, 150), (132, 40)]

    static var alphaRatio: Double {
        let large = alphaMappings.filter { $0.0 > 1000 }
        return Double(large.map(\.0).reduce(0, +)) / Double(large.map(\.1).reduce(0, +))
    }

    static func settings(config: Bool = true, time: Timestamp = time, server: String? = nil) -> CollectorSettings {
        CollectorSettings(procRoot: procRoot, instancesDirectory: instancesDirectory, processInstancesDirectory: processView,
                          configPath: config ? self.config : nil, server: server, clock: .fixed(time))
    }

    static func collector(config: Bool = true, time: Timestamp = time) -> Collector {
        Collector(settings: settings(config: config, time: time))
    }

    /// The command line options that point `tormem` at the fake host.
    static var options: [String] {
        ["--proc-root", procRoot, "--instances-dir", instancesDirectory, "--process-instances-dir", processView]
    }
}

/// A fresh folder under /tmp, removed by `remove()`.
struct TempDirectory {
    let path: String

    init() {
        var template = Array("/tmp/tormem-collect-test-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        path = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
    }

    func file(_ name: String) -> String { path + "/" + name }

    func write(_ text: String, to name: String) throws {
        let p = file(name)
        try FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try text.write(toFile: p, atomically: false, encoding: .utf8)
    }

    func read(_ name: String) throws -> String { try String(contentsOfFile: file(name), encoding: .utf8) }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Runs the built `tormem` executable.
enum TormemBinary {
    /// Next to the test bundle (walking up from the test binary), else `<package>/.build/debug/tormem`.
    static var path: String {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent("tormem").path
            if FileManager.default.isExecutableFile(atPath: candidate), !isDirectory(candidate) { return candidate }
            dir.deleteLastPathComponent()
        }
        return Fixtures.packageRoot + "/.build/debug/tormem"
    }

    static func isDirectory(_ p: String) -> Bool {
        var d: ObjCBool = false
        return FileManager.default.fileExists(atPath: p, isDirectory: &d) && d.boolValue
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs to the end; output goes through files so nothing can block on a full pipe.
    static func run(_ arguments: [String]) throws -> Result {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        let out = tmp.file("stdout"), err = tmp.file("stderr")
        let child = try ChildProcess(path, arguments, stdout: .file(out), stderr: .file(err))
        let ending = child.wait()
        guard case .exit(let status) = ending else { throw SpawnError(message: "tormem \(arguments) ended by \(ending)") }
        return Result(status: status,
                      stdout: try String(contentsOfFile: out, encoding: .utf8),
                      stderr: try String(contentsOfFile: err, encoding: .utf8))
    }
}

/// VmRSS of a live process, read straight from /proc with no tormem code.
func liveRSS(_ pid: Int32) -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        return words.count >= 2 ? Int(words[1]) : nil
    }
    return nil
}

/// Splits CSV text into lines of fields (no quoted fields expected).
func csvLines(_ text: String) -> [[String]] {
    text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
}
