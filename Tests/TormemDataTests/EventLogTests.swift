import Foundation
import Testing
import TormemCore
@testable import TormemData

@Suite struct EventLogTests {
    func parse(_ text: String) throws -> EventLog { try EventLog.parse(Array(text.utf8), file: "events.csv") }

    @Test func readsOffsetsZuluAndNaiveTimesAsUTC() throws {
        let log = try parse("""
            timestamp,event_type,description,group
            2026-01-03T18:00:00-08:00,restart,full fleet restart,all
            2026-01-01T02:00:00,experiment,allocator test started,
            2026-01-05T02:00:00Z,config_change,mimalloc 3.0.1 enabled,D
            """)
        #expect(log.warnings.isEmpty)
        #expect(log.events.map(\.time.iso8601) == ["2026-01-01T02:00:00", "2026-01-04T02:00:00", "2026-01-05T02:00:00"])
        #expect(log.events.map(\.type) == ["experiment", "restart", "config_change"])
        #expect(log.events[0].isForAll && log.events[1].isForAll)
        #expect(log.events[2].groups == ["D"])
    }

    @Test func severalGroupsJoinedByUnderscore() {
        let e = ExperimentEvent(time: Timestamp(seconds: 0), type: "restart", description: "", group: "A_C")
        #expect(e.groups == ["A", "C"])
        #expect(!e.isForAll)
    }

    @Test func badRowsAreWarningsNamingLineAndColumn() throws {
        let log = try parse("""
            timestamp,event_type,description,group
            yesterday,restart,oops,all
            2026-01-02T00:00:00,,,all
            2026-01-03T00:00:00,restart,ok,all
            """)
        #expect(log.events.count == 1)
        #expect(log.warnings.map(\.description) == [
            "events.csv:2: column timestamp: expected an ISO 8601 time such as 2026-01-05T10:47:43-08:00, found \"yesterday\"; row skipped",
            "events.csv:3: column event_type: expected an event type or a description, found empty cells; row skipped",
        ])
    }

    @Test func wrongHeaderIsAnInputErrorNamingTheFile() {
        #expect(throws: TormemError.self) { try parse("when,what\n2026-01-01,x\n") }
        #expect(throws: TormemError.self) { try parse("") }
    }

    @Test func fifoIsAWarningAndNeverBlocks() throws {
        let dir = NSTemporaryDirectory() + "tormem-events-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(mkfifo(dir + "/events.csv", 0o600) == 0)
        var warnings: [Diagnostic] = []
        #expect(try EventLog.load(path: dir + "/events.csv", warnings: &warnings) == nil)
        #expect(warnings.first?.message.contains("fifo") == true)
        #expect(try EventLog.load(path: dir + "/absent.csv", warnings: &warnings) == nil)
        #expect(warnings.count == 1)
    }
}
