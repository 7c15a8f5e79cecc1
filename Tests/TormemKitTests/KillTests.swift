import Foundation
import Testing
import TormemCore
import TormemTestSupport

/// A run killed at any moment leaves every earlier output byte-identical (or completely replaced)
/// and no temporary file behind.
@Suite struct KillTests {
    func unified(hours: Int, relays: Int, scale: Int) -> String {
        var out = UnifiedColumns.memory.joined(separator: ",") + "\n"
        out.reserveCapacity(hours * relays * 60)
        for h in 0..<hours {
            let stamp = String(format: "2025-%02d-%02dT%02d:00:00", 1 + h / (24 * 28), 1 + h / 24 % 28, h % 24)
            for r in 0..<relays {
                out += "\(stamp),host,relay,,relay\(r),\(["A", "B", "C"][r % 3]),\(500_000 + (h * 7 + r * 13) % 100 * 40_000 * scale),,,,,,,,\n"
            }
        }
        return out
    }

    @Test func killedRunsLeaveOutputsIntact() throws {
        let dir = try temporaryFolder()
        try write(unified(hours: 400, relays: 30, scale: 1), to: dir + "/old.csv")
        try write(unified(hours: 400, relays: 30, scale: 2), to: dir + "/new.csv")
        let out = dir + "/charts", fresh = dir + "/fresh"
        #expect(try run(["--data", dir + "/old.csv", "--output-dir", out, "-q"]).status == 0)
        let started = Date()
        #expect(try run(["--data", dir + "/new.csv", "--output-dir", fresh, "-q"]).status == 0)
        let runTime = Date().timeIntervalSince(started)
        let names = listing(out)
        #expect(names == listing(fresh) && names.count >= 5)
        let old = Dictionary(uniqueKeysWithValues: names.map { ($0, bytes(out + "/" + $0)!) })
        let new = Dictionary(uniqueKeysWithValues: names.map { ($0, bytes(fresh + "/" + $0)!) })
        #expect(names.contains { old[$0] != new[$0] })

        // Kills spread over a whole run's time, the last ones while the charts are written.
        var delays: [Double] = []
        for k in 0..<10 { delays.append(0.02 + runTime * (0.1 + Double(k) * 0.095)) }
        for (k, delay) in delays.enumerated() {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: executable())
            p.arguments = ["--data", dir + (k % 2 == 0 ? "/new.csv" : "/old.csv"), "--output-dir", out, "-q"]
            try p.run()
            Thread.sleep(forTimeInterval: delay)
            if p.isRunning { kill(p.processIdentifier, k % 3 == 0 ? SIGTERM : SIGKILL) }
            p.waitUntilExit()
            // Every chart is complete: the old bytes or the new, never a mixture or a truncation.
            #expect(listing(out) == names, "after kill at \(delay) s: \(listing(out))")
            for n in names {
                let b = bytes(out + "/" + n)
                #expect(b == old[n] || b == new[n], "\(n) after kill at \(delay) s")
            }
        }
        // A complete run afterwards still writes the new charts, and leaves nothing else.
        #expect(try run(["--data", dir + "/new.csv", "--output-dir", out, "-q"]).status == 0)
        for n in names { #expect(bytes(out + "/" + n) == new[n]) }
        #expect(listing(out) == names)
    }
}
