import Foundation
import Testing
@testable import TormemCollect

/// Eight collector processes, 25 runs each, into one file: one header, every row whole, no row lost.
@Suite struct ConcurrencyTests {
    @Test func eightProcessesTimesTwentyFiveRuns() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        let out = tmp.file("measurements.csv")
        let processes = 8, runs = 25
        let script = """
        i=0
        while [ $i -lt \(runs) ]; do
          "$0" collect --output "$1" --proc-root "$2" --instances-dir "$3" --process-instances-dir "$4" || exit 1
          i=$((i+1))
        done
        """
        var children: [ChildProcess] = []
        for _ in 0..<processes {
            children.append(try ChildProcess("/bin/sh", ["-c", script, TormemBinary.path, out, FakeHost.procRoot,
                                                         FakeHost.instancesDirectory, FakeHost.processView]))
        }
        let endings = children.map { $0.wait() }
        #expect(endings.allSatisfy { $0 == .exit(0) })

        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.hasSuffix("\n"))
        let lines = csvLines(text)
        let header = UnifiedRowWriter.columns
        #expect(lines.first == header)
        #expect(lines.filter { $0 == header }.count == 1)
        let rows = lines.dropFirst()
        #expect(rows.allSatisfy { $0.count == header.count }, "a malformed line")
        let aggregates = rows.filter { $0[2] == "aggregate" }
        #expect(aggregates.count == processes * runs)
        #expect(rows.filter { $0[2] == "relay" }.count == processes * runs * FakeHost.running.count)
        #expect(rows.allSatisfy { $0[2] == "aggregate" || $0[2] == "relay" })
        // Each run's rows stay together: an aggregate row, then its relays, with its timestamp.
        let block = 1 + FakeHost.running.count
        let rowList = Array(rows)
        for start in stride(from: 0, to: rowList.count, by: block) {
            let run = rowList[start..<min(start + block, rowList.count)]
            #expect(run.count == block)
            #expect(run.first?[2] == "aggregate")
            #expect(run.map { $0[4] } == [""] + FakeHost.running.map(\.name))
            #expect(Set(run.map { $0[0] }).count == 1)
        }
    }
}
