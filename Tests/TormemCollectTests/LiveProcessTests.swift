import Foundation
import Testing
import TormemData
@testable import TormemCollect

/// Real child processes whose command line names `<tmp>/instances/NAME/torrc`, collected from the
/// real /proc and compared with what /proc/PID/status says about them.
@Suite struct LiveProcessTests {
    /// Stand-ins for tor: a shell that names the instance's torrc on its command line and waits.
    final class FakeRelays {
        let tmp = TempDirectory()
        var children: [String: ChildProcess] = [:]
        var instances: String { tmp.file("instances") }

        init(running: [String], idle: [String]) throws {
            for name in running + idle {
                try tmp.write("Nickname \(name)\nDirCache 0\n", to: "instances/\(name)/torrc")
            }
            for name in running {
                let child = try ChildProcess(
                    "/bin/sh", ["-c", "trap 'kill $! 2>/dev/null; exit 0' TERM; sleep 30 & echo ready; wait",
                                "fake-tor", "-f", "\(instances)/\(name)/torrc"],
                    stdout: .pipe)
                children[name] = child
                // Wait until the shell has started its sleep and said so.
                let ready = child.read(until: { $0.contains("\n") })
                if ready != "ready\n" {
                    stop()
                    throw SpawnError(message: "fake relay \(name) did not start: \(ready)")
                }
            }
        }

        func stop() {
            for child in children.values {
                child.signal(SIGTERM)
                child.drain()
                _ = child.wait()
            }
            children = [:]
            tmp.remove()
        }

        /// VmRSS of every child, read directly.
        var rss: [String: Int?] { children.mapValues { liveRSS($0.pid) } }
    }

    @Test func libraryFindsTheChildrenAndReadsTheirStatus() throws {
        let relays = try FakeRelays(running: ["live-a", "live-b"], idle: ["idle-c"])
        defer { relays.stop() }
        let collector = Collector(settings: CollectorSettings(instancesDirectory: relays.instances,
                                                              clock: .fixed(FakeHost.time)))
        var compared = false
        for _ in 0..<50 where !compared {
            let before = relays.rss
            let snapshot = try collector.snapshot()
            guard relays.rss == before else { continue }  // a child's memory moved meanwhile: read again
            #expect(snapshot.relays.map(\.instance.name) == ["idle-c", "live-a", "live-b"])
            #expect(!snapshot.relays[0].isRunning)
            for r in snapshot.relays.dropFirst() {
                let child = try #require(relays.children[r.instance.name])
                #expect(r.pid == child.pid)
                #expect(r.rssKB != nil)
                #expect(r.rssKB == before[r.instance.name]!)
            }
            #expect(snapshot.aggregate.count == 2)
            #expect(snapshot.aggregate.totalKB == before.values.compactMap { $0 }.reduce(0, +))
            compared = true
        }
        #expect(compared, "the children's memory never held still between two reads")
    }

    @Test func collectCommandWritesTheirRSS() throws {
        let relays = try FakeRelays(running: ["live-a", "live-b"], idle: ["idle-c"])
        defer { relays.stop() }
        let out = relays.tmp.file("measurements.csv")
        var compared = false
        for _ in 0..<50 where !compared {
            let before = relays.rss
            let result = try TormemBinary.run(["collect", "--init", "--output", out, "--instances-dir", relays.instances])
            #expect(result.status == 0, "\(result.stderr)")
            guard relays.rss == before else { continue }
            let lines = csvLines(try String(contentsOfFile: out, encoding: .utf8))
            #expect(lines.count == 1 + 1 + 2)
            #expect(lines[0] == UnifiedRowWriter.columns)
            #expect(lines[1][2] == "aggregate" && lines[1][10] == "2")
            for line in lines.dropFirst(2) {
                #expect(line[2] == "relay")
                #expect(Int(line[6]) == before[line[4]]!, "rss_kb of \(line[4])")
            }
            compared = true
        }
        #expect(compared, "the children's memory never held still between two reads")
        let loaded = try DataLoader.load(path: out)
        #expect(loaded.format == .unified)
        #expect(loaded.servers.first?.relays == [2])
    }
}
