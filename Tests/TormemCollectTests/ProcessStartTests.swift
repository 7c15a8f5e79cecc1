import Glibc
import Testing
import TormemCore
@testable import TormemCollect

@Suite struct ProcessStartTests {
    /// A `stat` line with `comm` and field 22 (`starttime`) as given, the other fields as a real tor's.
    static func stat(pid: Int = 4242, comm: String, starttime: String) -> [UInt8] {
        let before = "S 1 \(pid) \(pid) 0 -1 4194560 3045 0 0 0 1200 300 0 0 20 0 3 0"
        let after = "2461007872 393216 18446744073709551615 94 95 0 0 0 0 16384 0 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0"
        return Array("\(pid) (\(comm)) \(before) \(starttime) \(after)\n".utf8)
    }

    @Test(arguments: ["tor", "tor (relay) x", ")", "a) b) c", "  ", "((("])
    func startTicksAreFieldTwentyTwoAfterTheLastParenthesis(_ comm: String) throws {
        #expect(try ProcessStart.ticks(stat: Self.stat(comm: comm, starttime: "167760037")) == 167_760_037)
    }

    @Test func theRealStatOfThisProcessParses() throws {
        let proc = ProcReader()
        let ticks = try #require(try proc.startTicks(getpid())?.get())
        let boot = try #require(try proc.bootTime()?.get())
        let now = Timestamp(seconds: Int64(time(nil)))
        let start = try ProcessStart.seconds(bootTime: boot, ticks: ticks, ticksPerSecond: ProcReader.ticksPerSecond, now: now.seconds)
        // This test process started less than a day ago, and not in the future.
        #expect(start <= now.seconds && now.seconds - start < 86_400, "start \(start), now \(now.seconds)")
        #expect(ProcReader.ticksPerSecond == 100)
    }

    @Test(arguments: [
        ("4242 tor S 1 2 3", "no \")\""),
        ("4242 (tor) S 1 2 3 4 5", "expected at least 22 fields (starttime is field 22), found 8"),
    ])
    func truncatedStatIsAnError(_ text: String, _ reason: String) {
        #expect(throws: FactError.self) { try ProcessStart.ticks(stat: Array(text.utf8)) }
        do { _ = try ProcessStart.ticks(stat: Array(text.utf8)) } catch { #expect(error.reason.contains(reason), "\(error.reason)") }
    }

    @Test(arguments: ["99999999999999999999999", "-5", "12a", "1e9"])
    func aStartThatIsNoWholeNumberOrOverflowsIsAnError(_ value: String) {
        do {
            _ = try ProcessStart.ticks(stat: Self.stat(comm: "tor", starttime: value))
            Issue.record("expected an error for \(value)")
        } catch {
            #expect(error.reason.hasPrefix("field 22 (starttime): expected a whole number of clock ticks, found \"\(value)\""))
        }
    }

    @Test func bootTimeIsTheBtimeLine() throws {
        let text = "cpu  1 2 3 4\ncpu0 1 2 3 4\nintr 5 0 0\nctxt 7\nbtime 1764547200\nprocesses 2076\n"
        #expect(try ProcessStart.bootTime(stat: Array(text.utf8)) == 1_764_547_200)
        #expect(throws: FactError("expected a btime line (the boot time), found none")) {
            try ProcessStart.bootTime(stat: Array("cpu 1 2 3\n".utf8))
        }
        #expect(throws: FactError.self) { try ProcessStart.bootTime(stat: Array("btime 184467440737095516160\n".utf8)) }
        #expect(throws: FactError.self) { try ProcessStart.bootTime(stat: [0, 1, 2, 255, 10, 98, 116]) }
    }

    @Test func startIsBootPlusTicksAndNotAfterTheCollection() throws {
        let boot = 1_764_547_200   // 2025-12-01T00:00:00
        let start = try ProcessStart.seconds(bootTime: boot, ticks: 167_760_099, ticksPerSecond: 100, now: 1_766_628_000)
        #expect(Timestamp(seconds: start).iso8601 == "2025-12-20T10:00:00")
        #expect(throws: FactError.self) {
            try ProcessStart.seconds(bootTime: Int.max - 5, ticks: 1000, ticksPerSecond: 100, now: 1_766_628_000)
        }
        #expect(throws: FactError.self) {
            try ProcessStart.seconds(bootTime: boot, ticks: 100 * 86_400 * 400, ticksPerSecond: 100, now: 1_766_628_000)
        }
        #expect(throws: FactError.self) { try ProcessStart.seconds(bootTime: boot, ticks: 1, ticksPerSecond: 0, now: 0) }
    }
}
