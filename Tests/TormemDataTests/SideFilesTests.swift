import Foundation
import Testing
import TormemCore
@testable import TormemData

@Suite struct SideFilesTests {
    @Test func loadsEventsAndDiagnosticsNextToTheData() throws {
        let dir = NSTemporaryDirectory() + "tormem-side-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "timestamp,event_type,description,group\n2026-01-01T00:00:00,restart,all restarted,all\nbad,restart,x,\n"
            .write(toFile: dir + "/events.csv", atomically: true, encoding: .utf8)
        try "timestamp,server,kernel,mem_total_kb,mem_available_kb,relays_running,allocators\n2026-01-01T00:00:00,h,6.1,10,5,3,glibc\n"
            .write(toFile: dir + "/diagnostics.csv", atomically: true, encoding: .utf8)
        let side = try SideFiles.load(nextTo: dir + "/memory.csv")
        #expect(side.events?.events.count == 1)
        #expect(side.eventsPath == dir + "/events.csv")
        #expect(side.diagnostics?.rows.count == 1)
        #expect(side.diagnosticsPath == dir + "/diagnostics.csv")
        #expect(side.warnings.count == 1)
        #expect(side.warnings.first?.line == 3)
    }

    @Test func absentFilesLeaveNothing() throws {
        let side = try SideFiles.load(nextTo: "/nonexistent-tormem-folder/memory.csv")
        #expect(side.events == nil && side.diagnostics == nil && side.warnings.isEmpty)
    }

    /// `relay_config.csv` is read as the other side CSV files: a file with CR-only line ends, without
    /// a header or with a header lacking the columns is refused with the reason.
    @Test func relayConfigIsRefusedWithTheReason() throws {
        let ok = try RelayConfig.parse(Array("nickname,group\nrelayA,A\n".utf8), file: "relay_config.csv")
        #expect(ok.entries.map(\.nickname) == ["relayA"])
        for (text, expected) in [("nickname,group\rrelayA,A\r", "line ends"),
                                 ("", "empty file: expected a header row"),
                                 ("name,notes\nrelayA,x\n", "relay_config.csv:1: expected a header with group")] {
            #expect(throws: TormemError.self) { try RelayConfig.parse(Array(text.utf8), file: "relay_config.csv") }
            do {
                _ = try RelayConfig.parse(Array(text.utf8), file: "relay_config.csv")
            } catch {
                #expect(error.description.contains(expected), "\(error.description)")
            }
        }
    }
}
