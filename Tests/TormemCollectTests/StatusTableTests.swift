import Testing
@testable import TormemCollect

@Suite struct StatusTableTests {
    @Test func everyInstanceWithATotalLine() throws {
        let text = StatusTable.text(try FakeHost.collector().snapshot())
        #expect(text == """
        fakehost  2025-12-25T02:00:00 UTC  3 instances, 2 running

        INSTANCE  STATE         PID  RSS GB  VMSIZE GB  HWM GB  FRAG
        alpha     running      1234    1.50       2.29    1.75  2.33
        beta      running      2345    0.50       0.75    0.59     -
        gamma     not running     -       -          -       -     -
        --------  -----------  ----  ------  ---------  ------  ----
        TOTAL     2 of 3               2.00       3.04    2.34

        average RSS per running relay: 1.00 GB

        """)
    }

    @Test func columnsLineUp() throws {
        let lines = StatusTable.text(try FakeHost.collector().snapshot()).split(separator: "\n").dropFirst()
        let table = lines.prefix(while: { !$0.hasPrefix("average") })
        // Every right-aligned column ends at the same offset on every row.
        let header = try #require(table.first)
        let rssEnd = try #require(header.range(of: "RSS GB")).upperBound.utf16Offset(in: header)
        for line in table where line.count >= rssEnd {
            let i = line.index(line.startIndex, offsetBy: rssEnd - 1)
            #expect(line[i] != " ", "column RSS GB not aligned in: \(line)")
        }
    }

    @Test func noInstancesStillPrintsATotal() {
        let text = StatusTable.text(HostSnapshot(time: FakeHost.time, server: "h", relays: []))
        #expect(text.contains("0 instances, 0 running"))
        #expect(text.contains("TOTAL     0 of 0"))
        #expect(!text.contains("average"))
    }
}
