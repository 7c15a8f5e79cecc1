import Glibc
import Testing
import TormemCore
@testable import TormemCollect

@Suite struct ProcReaderTests {
    let proc = ProcReader(root: FakeHost.procRoot + "/")

    @Test func listsOnlyNumericEntriesAscending() throws {
        let pids = try proc.processIDs()
        #expect(pids == [1, 2, 1000, 1234, 2345, 3456, 4567])
    }

    @Test func commandLineIsSplitAtNULs() throws {
        let args = try #require(proc.commandLine(1234))
        #expect(args.first == "/usr/bin/tor")
        #expect(args.contains("/etc/tor/instances/alpha/torrc"))
        #expect(args.last == "0")
        #expect(proc.commandLine(2) == [])
        #expect(proc.commandLine(99999) == nil)
    }

    @Test func unreadableFilesAreNilNotErrors() {
        #expect(proc.smaps(2345) == nil)  // absent
        #expect(proc.environment(2345) == nil)
        #expect(proc.status(99999) == nil)
        #expect(proc.maps(99999) == nil)
    }

    @Test func environmentAndHostFiles() throws {
        let env = try #require(proc.environment(1234))
        #expect(env.contains("LANG=C.UTF-8"))
        #expect(proc.hostName() == FakeHost.hostName)
        #expect(proc.kernelRelease() == FakeHost.kernel)
    }

    @Test func startTicksAndBootTime() throws {
        #expect(try proc.startTicks(1234)?.get() == 167_760_000)
        #expect(try proc.startTicks(2345)?.get() == 207_180_037)   // its comm holds spaces and parentheses
        #expect(proc.startTicks(99999) == nil)
        #expect(try proc.bootTime()?.get() == 1_764_547_200)
        #expect(ProcReader(root: "/nonexistent-proc").bootTime() == nil)
    }

    @Test func missingRootIsAnError() {
        #expect(throws: FileReadError.self) { try ProcReader(root: "/nonexistent-proc").processIDs() }
    }

    @Test func readsTheRealProcWithoutStatSize() throws {
        // /proc files report size 0: reading must go on to end of file.
        let me = try #require(ProcReader().status(getpid()))
        #expect((me.rssKB ?? 0) > 0)
    }
}
