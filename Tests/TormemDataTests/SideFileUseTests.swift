import Foundation
import Testing
import TormemCore
@testable import TormemData

/// Every side file used is named with what it gave, and one that fits little of the data is warned.
@Suite struct SideFileUseTests {
    /// Six relays in the data, without group cells.
    static func data() -> String {
        var text = ChartInputsTests.header
        for t in ["2026-01-01T00:00:00", "2026-01-01T06:00:00", "2026-01-01T12:00:00"] {
            for r in 0..<6 { text += ChartInputsTests.row(t, "h", fp: ChartInputsTests.fp(r), nick: "relay\(r)", gb: 1 + Double(r) / 10) }
        }
        return text
    }

    @Test func aRelayConfigThatFitsTheDataSaysWhatItGave() throws {
        var config = "fingerprint,nickname,group,notes\n"
        for r in 0..<6 { config += ",relay\(r),\(["A", "B", "C", "D"][r % 4]),\(["jemalloc", "glibc", "mimalloc", "tcmalloc"][r % 4])\n" }
        let i = try ChartInputsTests.inputs(["memory.csv": Self.data(), "relay_config.csv": config])
        let use = try #require(i.sideFiles.first)
        #expect(i.sideFiles.count == 1)
        #expect(use.text.hasSuffix("relay_config.csv: groups of 6 relays (A–D), labels A–D; matches 6 of 6 relays in the data"))
        #expect(!use.matchesFew)
        #expect(!i.warnings.contains { $0.file.hasSuffix("relay_config.csv") })
    }

    /// A stray relay_config.csv of another host beside the data: 40 relays, two of which share a
    /// nickname with the data's.
    @Test func aStrayRelayConfigIsNamedInAWarning() throws {
        var config = "fingerprint,nickname,group,notes\n"
        for r in 0..<40 { config += ",\(r < 2 ? "relay\(r)" : "other\(r)"),\(["A", "B", "C", "D"][r % 4]),\n" }
        let i = try ChartInputsTests.inputs(["memory.csv": Self.data(), "relay_config.csv": config])
        let use = try #require(i.sideFiles.first)
        #expect(use.match == .dataRelays(matched: 2, of: 6))
        #expect(use.matchesFew)
        #expect(i.warnings.contains { $0.file.hasSuffix("relay_config.csv") && $0.message.hasPrefix("names only 2 of the 6 relays in the data: written for other data?") },
                "\(i.warnings)")
    }

    @Test func groupListsCountTheirRelaysInTheData() throws {
        let i = try ChartInputsTests.inputs(["memory.csv": Self.data(), "groups/group_A_mimalloc.txt": "relay0\nrelay1\nrelay2\n",
                                              "groups/group_B_glibc.txt": "gone1\ngone2\ngone3\nrelay3\n"])
        #expect(i.sideFiles.map(\.match) == [.listed(seen: 3, of: 3), .listed(seen: 1, of: 4)])
        #expect(i.sideFiles[0].text.hasSuffix("group_A_mimalloc.txt: group A_mimalloc (mimalloc), 3 relays listed; 3 of 3 in the data"))
        #expect(i.warnings.contains { $0.file.hasSuffix("group_B_glibc.txt") && $0.message.hasPrefix("only 1 of the 4 relays it lists are in the data") })
        #expect(!i.warnings.contains { $0.file.hasSuffix("group_A_mimalloc.txt") && $0.message.contains("only") })
    }

    @Test func timelineAndDiagnosticsAreListed() throws {
        let i = try ChartInputsTests.inputs(["memory.csv": Self.data(),
            "events.csv": "timestamp,event_type,description,group\n2026-01-01T06:00:00,restart,all restarted,all\n",
            "diagnostics.csv": "timestamp,server,kernel,mem_total_kb,mem_available_kb,relays_running,allocators\n2026-01-01T00:00:00,h,6.1.0,1000000,500000,6,glibc\n"])
        #expect(i.sideFiles.map(\.kind) == ["timeline", "host diagnostics"])
        #expect(i.sideFiles[0].gave == "1 event (REPORT.md timeline, chart markers)")
        #expect(i.sideFiles[1].gave == "host facts of 1 collection")
    }

    @Test(arguments: [(["A", "B", "C"], "A–C"), (["A", "C"], "A, C"), (["A_x", "B_y", "C_z"], "A_x, B_y, C_z"), (["B", "A"], "A, B")])
    func groupLists(groups: [String], text: String) {
        #expect(SideFileUse.groupList(groups) == text)
    }
}
