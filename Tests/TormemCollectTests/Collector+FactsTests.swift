import Foundation
import Glibc
import Testing
import TormemCore
import TormemData
@testable import TormemCollect

/// The facts of running relays on a host built in a temporary folder: a proc root, instances with
/// their DataDirectories (state file, cached consensus).
@Suite struct CollectorFactsTests {
    static let boot = 1_764_547_200   // 2025-12-01T00:00:00
    static let time = Timestamp(date: CivilDate(year: 2025, month: 12, day: 25), hour: 2)

    struct Host {
        let tmp = TempDirectory()
        var proc: String { tmp.file("proc") }

        func relay(_ name: String, pid: Int, startTicks: String, maps: String?, state: String?) throws {
            try tmp.write("/usr/bin/tor\0-f\0/etc/tor/instances/\(name)/torrc\0", to: "proc/\(pid)/cmdline")
            try tmp.write("Name:\ttor\nVmPeak:\t 90000 kB\nVmSize:\t 80000 kB\nVmHWM:\t 60000 kB\nVmRSS:\t 50000 kB\n", to: "proc/\(pid)/status")
            try tmp.write(String(decoding: ProcessStartTests.stat(pid: pid, comm: "tor", starttime: startTicks), as: UTF8.self), to: "proc/\(pid)/stat")
            if let maps { try tmp.write(maps, to: "proc/\(pid)/maps") }
            try tmp.write("Nickname \(name)\nDataDirectory \(tmp.file("data/\(name)"))\n", to: "instances/\(name)/torrc")
            try tmp.write("\(name) \(ConsensusFixture.fingerprint(pid))\n", to: "data/\(name)/fingerprint")
            if let state { try tmp.write(state, to: "data/\(name)/state") }
        }

        func collector() -> Collector {
            Collector(settings: CollectorSettings(procRoot: proc, instancesDirectory: tmp.file("instances"),
                                                  processInstancesDirectory: "/etc/tor/instances", clock: .fixed(CollectorFactsTests.time)))
        }
    }

    static func maps(_ library: String) -> String {
        "55d4c8a00000-55d4c8c20000 r-xp 00000000 fd:01 1311017   /usr/bin/tor\n"
            + "7f1c2f400000-7f1c2f4a0000 r-xp 00000000 fd:01 1313999   /usr/lib/x86_64-linux-gnu/\(library)\n"
    }

    static let goodState = "BWHistoryReadInterval 86400\nBWHistoryReadValues 5,864000000,3\nBWHistoryWriteInterval 86400\nBWHistoryWriteValues 6,870000000,4\n"

    @Test func everyFactOfAGoodRelay() throws {
        let host = Host()
        defer { host.tmp.remove() }
        try host.tmp.write("cpu 1 2 3\nbtime \(Self.boot)\n", to: "proc/stat")
        try host.relay("good", pid: 11, startTicks: "167760000", maps: Self.maps("libmimalloc.so.2.0"), state: Self.goodState)
        let relay = ConsensusFixture.Relay(nickname: "good", fingerprint: ConsensusFixture.fingerprint(11), flags: "Fast Guard Running Stable Valid", weight: "31000")
        try host.tmp.write(ConsensusFixture.document([relay]), to: "data/good/cached-microdesc-consensus")
        let snapshot = try host.collector().snapshot()
        #expect(snapshot.warnings.isEmpty, "\(snapshot.warnings)")
        let r = try #require(snapshot.running.first)
        #expect(r.started?.iso8601 == "2025-12-20T10:00:00")
        #expect(r.allocator?.column == "mimalloc 2.0")
        #expect(r.bandwidth == BandwidthHistory(readPerDay: 864_000_000, writtenPerDay: 870_000_000))
        #expect(r.consensus == ConsensusEntry(flags: ["Fast", "Guard", "Running", "Stable", "Valid"], weight: 31000))
        #expect(snapshot.consensusPath == host.tmp.file("data/good/cached-microdesc-consensus"))
        let cells = UnifiedRowWriter.relayCells(r, snapshot: snapshot)
        #expect(UnifiedColumns.facts.map { cells[$0] ?? "?" } ==
                ["2025-12-20T10:00:00", "mimalloc 2.0", "864000000", "870000000", "Fast Guard Running Stable Valid", "31000"])
    }

    @Test func badFilesLeaveTheirColumnsEmptyWithOneWarningEachNamingTheFile() throws {
        let host = Host()
        defer { host.tmp.remove() }
        try host.tmp.write("btime \(Self.boot)\n", to: "proc/stat")
        try host.relay("good", pid: 11, startTicks: "167760000", maps: Self.maps("libjemalloc.so.2"), state: Self.goodState)
        // bad: a start beyond Int, no maps, a state file with garbage values.
        try host.relay("bad", pid: 12, startTicks: "99999999999999999999999", maps: nil,
                       state: "BWHistoryReadValues 1,x\u{1}y,3\nBWHistoryWriteValues 1,\(String(repeating: "9", count: 30)),2\n")
        // ugly: a stat cut short, a binary state file.
        try host.relay("ugly", pid: 13, startTicks: "1", maps: Self.maps("libc.so.6"), state: nil)
        try host.tmp.write("13 (tor) S 1 13\n", to: "proc/13/stat")
        try Data([0, 1, 2, 3, 0, 66, 87]).write(to: URL(fileURLWithPath: host.tmp.file("data/ugly/state")))
        // One consensus for all three, with bad weights for two of them.
        var relays = [11, 12, 13].map { ConsensusFixture.Relay(nickname: "r\($0)", fingerprint: ConsensusFixture.fingerprint($0)) }
        relays[1].weight = "1e9"
        relays[2].weight = String(repeating: "9", count: 25)
        try host.tmp.write(ConsensusFixture.document(relays), to: "data/ugly/cached-consensus")

        let snapshot = try host.collector().snapshot()
        let byName = Dictionary(uniqueKeysWithValues: snapshot.running.map { ($0.instance.name, $0) })
        #expect(byName["good"]?.started != nil && byName["good"]?.allocator?.column == "jemalloc")
        #expect(byName["good"]?.consensus?.weight == 1000 && byName["good"]?.bandwidth?.readPerDay == 864_000_000)
        #expect(byName["bad"]?.started == nil && byName["bad"]?.allocator == nil && byName["bad"]?.bandwidth == nil)
        #expect(byName["bad"]?.consensus == ConsensusEntry(flags: ["Fast", "Running", "Stable", "Valid"], weight: nil))
        #expect(byName["ugly"]?.started == nil && byName["ugly"]?.allocator?.column == "glibc" && byName["ugly"]?.bandwidth == nil)

        let files = snapshot.warnings.map(\.file)
        #expect(files == [host.proc + "/12/stat", host.tmp.file("data/bad/state"), host.proc + "/13/stat",
                          host.tmp.file("data/ugly/state"), host.tmp.file("data/ugly/cached-consensus")], "\(snapshot.warnings)")
        #expect(snapshot.warnings[0].message.hasPrefix("cannot tell when the relay started (field 22 (starttime)"))
        #expect(snapshot.warnings[1].message.contains("BWHistoryReadValues: expected whole numbers"))
        #expect(snapshot.warnings[4].message.contains("and 1 more such line"))

        // The collect run reports them; the rows have the columns empty, never "0".
        let tmp = TempDirectory()
        defer { tmp.remove() }
        let report = try CollectJob.run(CollectRequest(destination: .file(tmp.file("m.csv"))), collector: host.collector())
        #expect(report.warnings == snapshot.warnings)
        let rows = csvLines(try tmp.read("m.csv"))
        let bad = try #require(rows.first { $0.count > 4 && $0[4] == "bad" })
        #expect(Array(bad.suffix(6)) == ["", "", "", "", "Fast Running Stable Valid", ""])

        // `tormem collect` says each on standard error, once, and succeeds.
        let run = try TormemBinary.run(["collect", "--output", tmp.file("cli.csv"), "--proc-root", host.proc,
                                        "--instances-dir", host.tmp.file("instances"), "--process-instances-dir", "/etc/tor/instances"])
        #expect(run.status == 0)
        let said = run.stderr.split(separator: "\n").map(String.init)
        #expect(said == snapshot.warnings.map { "tormem: warning: \($0)" }, "\(run.stderr)")
    }

    @Test func aStatThatIsAFIFOOrTooLargeIsAWarningNotAWait() throws {
        let host = Host()
        defer { host.tmp.remove() }
        try host.tmp.write("btime \(Self.boot)\n", to: "proc/stat")
        try host.relay("a", pid: 21, startTicks: "100", maps: nil, state: nil)
        try host.relay("b", pid: 22, startTicks: "100", maps: nil, state: nil)
        try FileManager.default.removeItem(atPath: host.proc + "/21/stat")
        #expect(mkfifo(host.proc + "/21/stat", 0o600) == 0)
        try host.tmp.write(String(repeating: "x", count: 70_000), to: "proc/22/stat")
        let snapshot = try host.collector().snapshot()
        #expect(snapshot.running.count == 2 && snapshot.running.allSatisfy { $0.started == nil })
        #expect(snapshot.warnings.map(\.description) == [
            host.proc + "/21/stat: cannot tell when the relay started (cannot read it: a fifo, not a regular file); started is left empty",
            host.proc + "/22/stat: cannot tell when the relay started (cannot read it: larger than 65536 bytes); started is left empty",
        ])
    }

    @Test func aBrokenBootTimeIsOneWarningForAllRelays() throws {
        let host = Host()
        defer { host.tmp.remove() }
        try host.tmp.write("cpu 1 2 3\nbtime soon\n", to: "proc/stat")
        try host.relay("a", pid: 21, startTicks: "100", maps: nil, state: nil)
        try host.relay("b", pid: 22, startTicks: "200", maps: nil, state: nil)
        let snapshot = try host.collector().snapshot()
        #expect(snapshot.running.count == 2 && snapshot.running.allSatisfy { $0.started == nil })
        #expect(snapshot.warnings.map(\.file) == [host.proc + "/stat"])
        #expect(snapshot.warnings.first?.message == "cannot tell when relays started (btime: expected the boot time in seconds since 1970, found \"soon\"); started is left empty")
    }

    @Test func missingFilesAreNotKnownAndNoWarning() throws {
        let host = Host()
        defer { host.tmp.remove() }
        try host.relay("a", pid: 21, startTicks: "100", maps: nil, state: nil)   // no proc/stat, no state, no consensus
        let snapshot = try host.collector().snapshot()
        let r = try #require(snapshot.running.first)
        #expect(r.started == nil && r.allocator == nil && r.bandwidth == nil && r.consensus == nil)
        #expect(snapshot.warnings.isEmpty && snapshot.consensusPath == nil)
    }

    @Test func aHugeStateFileIsRefusedNotRead() throws {
        let host = Host()
        defer { host.tmp.remove() }
        try host.relay("a", pid: 21, startTicks: "100", maps: nil,
                       state: String(repeating: "BWHistoryReadValues 1,2,3\n", count: (Collector.stateLimit / 26) + 10))
        let snapshot = try host.collector().snapshot()
        #expect(snapshot.running.first?.bandwidth == nil)
        #expect(snapshot.warnings.map(\.message) == ["cannot read tor's state file (larger than 4 MiB); read_bytes_day and written_bytes_day are left empty"])
    }
}
