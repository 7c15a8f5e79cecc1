import Testing
import TormemCore
@testable import TormemData

/// events.csv's `group` cell against group IDs that hold `_` themselves (issue 21).
@Suite struct ExperimentEventTests {
    static let known: Set<String> = ["A_jemalloc530_current", "C_tcmalloc215_historical", "D_glibc_control", "H_tcmalloc215_current"]

    @Test(arguments: [
        ("A_jemalloc530_current", ["A_jemalloc530_current"]),
        ("C_tcmalloc215_historical_D_glibc_control", ["C_tcmalloc215_historical", "D_glibc_control"]),
        ("A_C", ["A", "C"]),
        ("D_glibc_control_H", ["D_glibc_control", "H"]),
        ("all", []),
        ("", []),
        ("Z_unknown_group", ["Z_unknown_group"]),
    ])
    func aCellIsMatchedAgainstTheKnownGroupsFirst(cell: String, groups: [String]) {
        #expect(ExperimentEvent.groups(inCell: cell, known: Self.known) == groups)
    }

    @Test func withoutKnownGroupsTheCellIsSplitAtUnderscores() {
        #expect(ExperimentEvent.groups(inCell: "A_jemalloc530_current", known: []) == ["A", "jemalloc530", "current"])
        #expect(ExperimentEvent.groups(inCell: "A_C", known: ["A", "C"]) == ["A", "C"])
    }

    @Test func aResolvedEventConcernsItsGroupsOnly() {
        let e = ExperimentEvent(time: Timestamp(seconds: 0), type: "restart", description: "", group: "A_jemalloc530_current")
            .resolvingGroups(known: Self.known)
        #expect(e.groups == ["A_jemalloc530_current"])
        #expect(e.concerns("A_jemalloc530_current"))
        #expect(!e.concerns("C_tcmalloc215_historical"))
        let letters = ExperimentEvent(time: Timestamp(seconds: 0), type: "restart", description: "", group: "A_C").resolvingGroups(known: Self.known)
        #expect(letters.concerns("C_tcmalloc215_historical") && !letters.concerns("D_glibc_control"))
    }
}
