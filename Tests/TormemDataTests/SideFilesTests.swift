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
}
