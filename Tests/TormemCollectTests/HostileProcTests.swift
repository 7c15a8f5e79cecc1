import Foundation
import Testing
import TormemCore
import TormemData
@testable import TormemCollect

/// Hardening round 2: `/proc` files, status files and command lines as a hostile (or broken) host
/// could present them. Nothing traps, nothing blocks, memory stays bounded.
@Suite struct HostileProcTests {
    static let huge = "99999999999999999999999999"

    @Test func memoryLinesBeyondAnyMachineAreLeftOut() {
        let s = MemoryStatus.parse("Name:\ttor\nVmRSS:\t\(Self.huge) kB\nVmSize:\t\(Int.max) kB\nVmHWM:\t\(MemoryStatus.maxKB + 1) kB\nVmPeak:\t-5 kB\nVmSwap:\t\(MemoryStatus.maxKB) kB\n")
        #expect(s.rssKB == nil && s.vmSizeKB == nil && s.hwmKB == nil && s.peakKB == nil)
        #expect(s["VmSwap"] == MemoryStatus.maxKB)
    }

    @Test func smapsNumbersAndSumsSaturate() {
        var text = ""
        for i in 0..<4 {
            text += String(format: "%08x-%08x rw-p 00000000 00:00 0\n", i * 4096, i * 4096 + 4096)
            text += "Size: \(Self.huge) kB\nRss: \(Self.huge) kB\n"
        }
        let s = SmapsRatio.parse(Array(text.utf8))
        #expect(s.mappings == 4)
        #expect(s.sizeKB == 4 * MemoryStatus.maxKB && s.rssKB == 4 * MemoryStatus.maxKB)
        #expect(s.ratio == 1)
        let sum = SmapsRatio(mappings: 2, sizeKB: Int.max, rssKB: 1)
        #expect(sum.ratio != nil)
    }

    @Test func totalsAndGaugesOfHugeRelaysSaturate() {
        let instance = RelayInstance(name: "r", directory: "/etc/tor/instances/r")
        let memory = MemoryStatus(fields: [.init(name: "VmRSS", kilobytes: Int.max), .init(name: "VmSize", kilobytes: Int.max),
                                           .init(name: "VmHWM", kilobytes: Int.max), .init(name: "VmPeak", kilobytes: Int.max)])
        let reading = RelayReading(instance: instance, pid: 1, memory: memory)
        let snapshot = HostSnapshot(time: Timestamp(seconds: 0), server: "s", relays: [reading, reading, reading])
        #expect(snapshot.aggregate.totalKB == Int.max)
        #expect(snapshot.aggregate.averageKB == Int.max / 3)   // remainder 1 of 3 rounds down
        #expect(PrometheusWriter.text(snapshot).contains("tormem_relays_resident_memory_bytes \(Int.max)"))
        #expect(StatusTable.text(snapshot).contains("TOTAL"))
        #expect(AggregateReading(rss: [1, 2]).averageKB == 2)   // 1.5 rounds up, as before
        #expect(AggregateReading(rss: [1, 1, 2]).averageKB == 1)
    }

    @Test func aTorBinaryWinsOverTorsocksWhateverThePIDs() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        // torsocks (lower pid) and torify name the instance too; only /usr/bin/tor is tor.
        let lines: [(Int32, [String])] = [
            (100, ["torsocks", "tor", "-f", "/etc/tor/instances/a/torrc"]),
            (200, ["/usr/bin/tor", "-f", "/etc/tor/instances/a/torrc"]),
            (300, ["/usr/bin/torify", "-f", "/etc/tor/instances/b/torrc"]),
            (50, ["/usr/local/bin/tor", "-f", "/etc/tor/instances/b/torrc"]),
            (400, ["/usr/bin/tor-instance-helper", "/etc/tor/instances/c/torrc"]),
        ]
        for (pid, args) in lines {
            try dir.write(args.joined(separator: "\0") + "\0", to: "\(pid)/cmdline")
        }
        let found = try ProcessFinder(directories: ["/etc/tor/instances"]).find(names: ["a", "b", "c"], in: ProcReader(root: dir.path))
        #expect(found == ["a": 200, "b": 50, "c": 400])
        #expect(!ProcessFinder.isTorBinary(["torsocks"]) && !ProcessFinder.isTorBinary([]))
        #expect(ProcessFinder.isTorBinary(["tor"]) && ProcessFinder.isTorBinary(["/usr/sbin/tor"]))
    }

    @Test func aFIFOOrDeviceIsRefusedNotWaitedOn() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        #expect(mkfifo(dir.file("fifo"), 0o600) == 0)
        #expect(throws: FileReadError.self) { try FileBytes.read(dir.file("fifo")) }
        do { _ = try FileBytes.read(dir.file("fifo")) } catch { #expect(error.reason == "a fifo, not a regular file") }
        do { _ = try FileBytes.read("/dev/zero") } catch { #expect(error.reason == "a character device, not a regular file") }
        do { _ = try FileBytes.read(dir.path) } catch { #expect(error.reason == "a directory, not a regular file") }
    }

    @Test func aFileOverTheLimitIsAnErrorNotTruncated() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        try dir.write(String(repeating: "x", count: 3000), to: "big")
        #expect(try FileBytes.read(dir.file("big"), limit: 3000).count == 3000)
        do {
            _ = try FileBytes.read(dir.file("big"), limit: 2000)
            Issue.record("expected an error")
        } catch {
            #expect(error.reason == "larger than 2000 bytes")
        }
    }

    /// Status files that are FIFOs (fingerprint, torrc, cmdline, status): `status` and `verify`
    /// finish at once and say what they could not read.
    @Test func statusFilesThatAreFIFOsDoNotBlockTheCommands() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        try dir.write("", to: "instances/a/.keep")
        #expect(mkfifo(dir.file("instances/a/fingerprint"), 0o600) == 0)
        #expect(mkfifo(dir.file("instances/a/torrc"), 0o600) == 0)
        try FileManager.default.createDirectory(atPath: dir.file("proc/7"), withIntermediateDirectories: true)
        #expect(mkfifo(dir.file("proc/7/cmdline"), 0o600) == 0)
        #expect(mkfifo(dir.file("proc/7/status"), 0o600) == 0)
        let options = ["--proc-root", dir.file("proc"), "--instances-dir", dir.file("instances")]
        let status = try TormemBinary.run(["status"] + options)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("a ") && status.stdout.contains("not running"))
        let verify = try TormemBinary.run(["verify"] + options)
        #expect(verify.status == 0)
        #expect(verify.stdout.contains("(no torrc)"))
        #expect(mkfifo(dir.file("config.csv"), 0o600) == 0)
        let config = try TormemBinary.run(["status", "--config", dir.file("config.csv")] + options)
        #expect(config.status == 3)
        #expect(config.stderr.contains("config.csv: cannot read the relay config (a fifo, not a regular file)"), "\(config.stderr)")
    }
}
