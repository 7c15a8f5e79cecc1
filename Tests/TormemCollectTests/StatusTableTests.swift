import Testing
import TormemCore
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

        INSTANCE  STARTED              UPTIME  ALLOCATOR  READ MBIT/S  WRITE MBIT/S  WEIGHT  FLAGS
        alpha     2025-12-20T10:00:00  4d 16h  jemalloc         11.43         11.57   15000  Fast Guard HSDir Running Stable V2Dir Valid
        beta      2025-12-24T23:30:00  2h 30m  glibc             0.10             -     820  Fast Running Valid
        gamma     -                         -  -                    -             -       -  -

        """)
    }

    @Test func uptimeAndBandwidthInWords() {
        #expect(StatusTable.uptime(0) == "0m" && StatusTable.uptime(59 * 60 + 59) == "59m")
        #expect(StatusTable.uptime(3600 + 7 * 60) == "1h 07m" && StatusTable.uptime(86_400 * 3 + 3600 * 5) == "3d 05h")
        #expect(StatusTable.mbits(nil) == "-" && StatusTable.mbits(1_080_000_000_000) == "100.00")
    }

    @Test func jsonHasTheFacts() throws {
        let json = try JSONParser.parse(Array(StatusTable.json(try FakeHost.collector().snapshot()).utf8))
        guard case .array(let instances)? = json.object?["instances"] else { Issue.record("no instances"); return }
        let alpha = try #require(instances.first?.object)
        #expect(alpha["started"] == .string("2025-12-20T10:00:00Z") && alpha["uptime_s"] == .number(403_200))
        #expect(alpha["allocator"] == .string("jemalloc") && alpha["consensus_weight"] == .number(15000))
        #expect(alpha["read_bytes_day"] == .number(123_456_789_504) && alpha["written_bytes_day"] == .number(125_000_000_512))
        #expect(alpha["flags"] == .array(["Fast", "Guard", "HSDir", "Running", "Stable", "V2Dir", "Valid"].map(JSONParser.Value.string)))
        let gamma = try #require(instances.last?.object)
        #expect(gamma["started"] == .null && gamma["flags"] == .null && gamma["allocator"] == .null)
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
