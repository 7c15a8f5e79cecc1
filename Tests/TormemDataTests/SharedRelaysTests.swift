import Testing
import TormemCore
@testable import TormemData

/// Group files that list the same relays: one finding per pair of groups (issue 21).
@Suite struct SharedRelaysTests {
    static func file(_ group: String, _ text: String) -> GroupFiles.File {
        let e = GroupFiles.entries(in: text)
        return GroupFiles.File(group: group, path: "groups/group_\(group).txt", relays: e.map(\.relay), lines: e.map(\.line))
    }

    @Test func onePairPerTwoGroupsNamingBothFilesTheCountAndTheFirstNames() {
        let shared = (1...8).map { "r\($0)" }
        let files = GroupFiles(files: [
            Self.file("C_old", "# historical\nsolo\n" + shared.joined(separator: "\n") + "\n"),
            Self.file("D_control", shared.reversed().joined(separator: "\n") + "\nother\n"),
            Self.file("E_new", "r1\nnew\n"),
        ])
        let found = SharedRelays.find(in: files)
        #expect(found.map(\.groups) == [["C_old", "D_control"], ["C_old", "E_new"], ["D_control", "E_new"]])
        #expect(found[0].relays == shared)
        #expect(found[0].files == ["groups/group_C_old.txt", "groups/group_D_control.txt"])
        #expect(found[0].diagnostic.description == "groups/group_C_old.txt:3: group C_old shares 8 relays with group D_control (groups/group_D_control.txt): r1, r2, r3, r4, r5 and 3 more; each counts in both groups")
        #expect(found[1].diagnostic.description == "groups/group_C_old.txt:3: group C_old shares 1 relay with group E_new (groups/group_E_new.txt): r1; it counts in both groups")
        #expect(found[2].diagnostic.line == 8)
    }

    @Test func fingerprintsMatchWithOrWithoutDollarAndInAnyCase() {
        let fp = String(repeating: "ab", count: 20)
        let found = SharedRelays.find(in: GroupFiles(files: [Self.file("A", "$" + fp + "\n"), Self.file("B", fp.uppercased() + "\n")]))
        #expect(found.count == 1)
        #expect(found.first?.relays == ["$" + fp])
    }

    @Test func filesOfDisjointGroupsShareNothing() {
        #expect(SharedRelays.find(in: GroupFiles(files: [Self.file("A", "a\nb\n"), Self.file("B", "c\n")])).isEmpty)
    }
}
