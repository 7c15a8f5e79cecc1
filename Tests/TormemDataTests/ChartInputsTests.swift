import Foundation
import Testing
import TormemCore
import TormemTestSupport
@testable import TormemData

/// The operator's experiment folders as they really are (SPEC §1 "Relay identity", "Side files"):
/// small folders written here, each with one quirk of real collections.
@Suite struct ChartInputsTests {
    static let header = UnifiedColumns.memory.joined(separator: ",") + "\n"

    /// A relay row; `group` nil leaves the group cell empty.
    static func row(_ time: String, _ server: String, fp: String, nick: String, group: String = "", gb: Double) -> String {
        "\(time),\(server),relay,\(fp),\(nick),\(group),\(Int(gb * 1_048_576)),,,,,,,,\n"
    }

    static func fp(_ n: Int) -> String { String(repeating: String(n % 10), count: 40) }

    /// Writes `files` (name → text) into a new folder and loads the first CSV as tormem-charts does.
    static func inputs(_ files: [String: String], data: String = "memory.csv",
                       options: ChartInputs.Options = ChartInputs.Options()) throws -> ChartInputs {
        let dir = NSTemporaryDirectory() + "tormem-inputs-\(UUID().uuidString)"
        for (name, text) in files {
            let path = dir + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: false, encoding: .utf8)
        }
        let file = try DataLoader.load(path: dir + "/" + data)
        return ChartInputs(files: [file], side: try SideFiles.load(nextTo: dir + "/" + data), options: options)
    }

    @Test func aCollectionWithoutFingerprintsJoinsTheRelaysOfItsNicknames() throws {
        var text = Self.header
        for (k, t) in ["2026-01-01T00:00:00", "2026-01-01T06:00:00", "2026-01-01T12:00:00"].enumerated() {
            for r in 0..<3 { text += Self.row(t, "h", fp: k == 1 ? "" : Self.fp(r), nick: "relay\(r)", gb: 1) }
        }
        let i = try Self.inputs(["memory.csv": text])
        #expect(i.relays.count == 3)
        #expect(i.relays.relays.allSatisfy { $0.count == 3 && !$0.info.fingerprint.isEmpty })
        #expect(i.warnings.isEmpty)
    }

    @Test func aNicknameWithTwoFingerprintsStaysApartWithAWarning() throws {
        var text = Self.header
        text += Self.row("2026-01-01T00:00:00", "h", fp: Self.fp(1), nick: "twin", gb: 1)
        text += Self.row("2026-01-01T00:00:00", "h", fp: Self.fp(2), nick: "twin", gb: 2)
        text += Self.row("2026-01-01T06:00:00", "h", fp: "", nick: "twin", gb: 3)
        let i = try Self.inputs(["memory.csv": text])
        #expect(i.relays.count == 3)
        let w = try #require(i.warnings.first).description
        #expect(w.contains("twin") && w.contains(Self.fp(1)) && w.contains(Self.fp(2)))
    }

    @Test func theSameNicknameTwiceInOneCollectionIsTwoRelaysAndNoRowIsDropped() throws {
        var text = Self.header
        for t in ["2026-01-01T00:00:00", "2026-01-01T06:00:00"] {
            text += Self.row(t, "h", fp: "", nick: "estgee", gb: 1)
            text += Self.row(t, "h", fp: "", nick: "other", gb: 1)
            text += Self.row(t, "h", fp: "", nick: "estgee", gb: 2)
        }
        let file = try DataLoader.load(bytes: Array(text.utf8), name: "m.csv")
        let names = file.relays.relays.map(\.info.displayName).sorted()
        #expect(names == ["estgee", "estgee#2", "other"])
        #expect(file.relays.relays.map(\.count).reduce(0, +) == 6)
        let warning = try #require(file.warnings.first { $0.message.contains("estgee#2") })
        #expect(warning.description.contains("m.csv:2: lines 2 and 4"))
        #expect(warning.message.contains("in 2 collections"))
    }

    @Test func bothRelaysOfASharedNicknameStayInItsGroup() throws {
        var text = Self.header
        for t in ["2026-01-01T00:00:00", "2026-01-02T00:00:00", "2026-01-03T00:00:00"] {
            text += Self.row(t, "h", fp: "", nick: "estgee", gb: 1)
            text += Self.row(t, "h", fp: "", nick: "other", gb: 1)
            text += Self.row(t, "h", fp: "", nick: "estgee", gb: 2)
        }
        for config in [["groups/group_A_x.txt": "estgee\nother\n"], ["relay_config.csv": "nickname,group\nestgee,A_x\nother,A_x\n"]] {
            let i = try Self.inputs(config.merging(["memory.csv": text]) { a, _ in a })
            #expect(i.relays.count == 3)
            #expect(i.groups?.stats("A_x")?.relays == 3, "\(config.keys.first!)")
            #expect(!i.warnings.contains { $0.message.contains("never seen") })
        }
    }

    static func renamedHost(overlapping: Bool = false) -> String {
        var text = Self.header
        let old = ["2026-01-01T00:00:00", "2026-01-02T00:00:00", "2026-01-03T00:00:00"]
        let new = overlapping ? ["2026-01-02T12:00:00", "2026-01-04T00:00:00"] : ["2026-01-04T00:00:00", "2026-01-05T00:00:00"]
        for t in old { for r in 0..<10 { text += Self.row(t, "relayhost", fp: Self.fp(r), nick: "r\(r)", gb: 1) } }
        for t in new { for r in 0..<10 { text += Self.row(t, "relayhost-new", fp: Self.fp(r), nick: "r\(r)", gb: 2) } }
        return text
    }

    @Test func aRenamedHostIsOneServer() throws {
        let i = try Self.inputs(["memory.csv": Self.renamedHost()])
        #expect(i.relays.count == 10)
        #expect(i.renames == [ServerRename(old: "relayhost", new: "relayhost-new", forced: false)])
        #expect(i.aggregate?.serverNames == ["relayhost-new (was relayhost)"])
        #expect(i.aggregate?.combined.count == 5)
        #expect(i.relays.relays.allSatisfy { $0.count == 5 && $0.info.server == "relayhost-new (was relayhost)" })
    }

    @Test func keepServersAndOverlappingTimesKeepTwoServers() throws {
        var keep = ChartInputs.Options()
        keep.detectRenames = false
        let kept = try Self.inputs(["memory.csv": Self.renamedHost()], options: keep)
        #expect(kept.relays.count == 20 && kept.renames.isEmpty)
        let overlapping = try Self.inputs(["memory.csv": Self.renamedHost(overlapping: true)])
        #expect(overlapping.aggregate?.serverNames == ["relayhost", "relayhost-new"])
        var alias = ChartInputs.Options()
        alias.serverAliases = ["relayhost": "relayhost-new"]
        let forced = try Self.inputs(["memory.csv": Self.renamedHost(overlapping: true)], options: alias)
        #expect(forced.renames == [ServerRename(old: "relayhost", new: "relayhost-new", forced: true)])
        #expect(forced.relays.count == 10)
    }

    @Test func aRowsOwnGroupCellDecidesAndAGroupStartsWhenAdded() throws {
        var text = Self.header
        let days = (1...6).map { "2026-01-0\($0)T00:00:00" }
        for (k, t) in days.enumerated() {
            text += Self.row(t, "h", fp: Self.fp(1), nick: "ctl", group: "C", gb: 1 + Double(k))
            // Joins group D on day 4; before that its glibc rows have an empty group cell.
            text += Self.row(t, "h", fp: Self.fp(2), nick: "late", group: k >= 3 ? "D" : "", gb: k >= 3 ? 0.5 : 4)
        }
        let i = try Self.inputs(["memory.csv": text])
        let d = try #require(i.groups?.stats("D"))
        #expect(d.startMean == 0.5 && d.endMean == 0.5)
        #expect(d.relays == 1)
        #expect(i.groups?.stats("C")?.startMean == 1)

        // Without a group column, groups/ files give the membership and experiment.json the start.
        let noGroup = text.replacingOccurrences(of: ",C,", with: ",,").replacingOccurrences(of: ",D,", with: ",,")
        let side = try Self.inputs(["memory.csv": noGroup, "groups/group_C_glibc.txt": "# control\nctl\n",
                                    "groups/group_D_mimalloc.txt": "late\n",
                                    "experiment.json": #"{"groups": {"D": {"name": "x"}, "D_mimalloc": {"added": "2026-01-04"}}}"#])
        let late = try #require(side.groups?.stats("D_mimalloc"))
        #expect(late.startMean == 0.5)
        #expect(side.labels.label("C_glibc") == "glibc")
    }

    @Test func aRelayInTwoGroupFilesCountsInBothAndUnseenRelaysAreNamed() throws {
        var text = Self.header
        for t in ["2026-01-01T00:00:00", "2026-01-02T00:00:00"] {
            text += Self.row(t, "h", fp: "", nick: "a", gb: 1)
            text += Self.row(t, "h", fp: "", nick: "b", gb: 2)
        }
        let i = try Self.inputs(["memory.csv": text, "groups/group_A_x.txt": "a\nb\n", "groups/group_B_y.txt": "b\nghost1\nghost2\n"])
        #expect(i.groups?.stats("A_x")?.relays == 2)
        #expect(i.groups?.stats("B_y")?.relays == 1)
        #expect(i.warnings.contains { $0.file.hasSuffix("groups/group_A_x.txt") && $0.line == 2
            && $0.message.hasPrefix("group A_x shares 1 relay with group B_y (") && $0.message.hasSuffix("group_B_y.txt): b; it counts in both groups") })
        #expect(i.sharedRelays.map(\.relays) == [["b"]])
        #expect(i.warnings.contains { $0.message.contains("2 relays are named in the group files but never seen in the data: ghost1, ghost2") })
    }

    @Test func aMonitorFileIsNamedByTheExperimentOrTheReportFolderNeverByItsFileName() throws {
        let monitor = "date,time,num_relays,total_mb,avg_mb,min_mb,max_mb\n2025-01-01,00:00:00,2,2048,1024,1000,1048\n2025-01-02,00:00:00,2,2048,1024,1000,1048\n"
        #expect(try Self.inputs(["data.csv": monitor], data: "data.csv").aggregate?.serverNames == ["server"])
        #expect(try Self.inputs(["data.csv": monitor, "experiment.json": #"{"server": "co"}"#], data: "data.csv").aggregate?.serverNames == ["co"])
        #expect(try Self.inputs(["2025-01-01-relay7-test/data.csv": monitor], data: "2025-01-01-relay7-test/data.csv").aggregate?.serverNames == ["relay7"])
        #expect(try Self.inputs(["host1.csv": monitor], data: "host1.csv").aggregate?.serverNames == ["host1"])
        var titled = ChartInputs.Options()
        titled.title = "Relays at home"
        #expect(try Self.inputs(["data.csv": monitor], data: "data.csv", options: titled).aggregate?.serverNames == ["Relays at home"])
    }

    /// shapes-allocators: 200 relays, 8 group files, three historical files sharing 60 relays with
    /// current groups, events naming groups by IDs that hold `_`.
    static func allocators() throws -> ChartInputs {
        let path = Fixtures.url("shapes-allocators/memory.csv")
        return ChartInputs(files: [try DataLoader.load(path: path)], side: try SideFiles.load(nextTo: path))
    }

    @Test func sharedRelaysAreOneWarningPerPairOfGroupsInAFileThatListsThem() throws {
        let i = try Self.allocators()
        let shared = i.warnings.filter { $0.message.contains(" shares ") }
        #expect(shared.count == i.sharedRelays.count)
        #expect((1...12).contains(shared.count))
        #expect(i.sharedRelays.reduce(0) { $0 + $1.relays.count } == 60)
        for (w, s) in zip(shared, i.sharedRelays) {
            #expect(w.file == s.files[0] && w.line != nil)
            #expect(w.message.contains(s.files[1]) && w.message.contains("shares \(s.relays.count) relays"))
            let listed = try String(contentsOfFile: s.files[0], encoding: .utf8)
            #expect(s.relays.allSatisfy { listed.contains($0) })
        }
    }

    @Test func eventGroupsAreTheGroupIDsTheyName() throws {
        let i = try Self.allocators()
        let events = try #require(i.side.events?.events)
        let ids = Set(i.groups?.groups.map(\.group) ?? [])
        #expect(events.count == 12)
        #expect(events.allSatisfy { $0.isForAll || ($0.groups.count == 1 && ids.contains($0.groups[0])) })
        #expect(events.contains { $0.groups == ["A_jemalloc530_current"] })
    }
}
