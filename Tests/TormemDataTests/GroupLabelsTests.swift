import Testing
@testable import TormemData

@Suite struct GroupLabelsTests {
    @Test func aLabelThatAddsToTheGroupIsShownBesideIt() {
        let l = GroupLabels(["A": "DirCache 0", "A_jemalloc530_current": "jemalloc 5.3.0"])
        #expect(l.titled("A") == "A · DirCache 0")
        #expect(l.titled("A_jemalloc530_current") == "A_jemalloc530_current · jemalloc 5.3.0")
        #expect(l.titled("B") == "B")
        #expect(l.titled("") == "(no group)")
    }

    /// The label a group file's stem gives (`group_C_tcmalloc215_historical.txt` →
    /// `tcmalloc215_historical`) is the group's own name after its letter: shown once.
    @Test func aLabelTheGroupAlreadySaysIsNotRepeated() {
        let files = GroupFiles(files: [GroupFiles.File(group: "C_tcmalloc215_historical", path: "g/c.txt", relays: ["r1"]),
                                       GroupFiles.File(group: "G_glibc_dircache0_historical", path: "g/g.txt", relays: ["r2"])])
        let l = GroupLabels(overrides: ["D_glibc_control": "Glibc", "E_x": "e_x"], experiment: nil, comments: nil,
                            relayConfig: nil, groupFiles: files)
        #expect(l.label("C_tcmalloc215_historical") == "tcmalloc215_historical")
        #expect(l.titled("C_tcmalloc215_historical") == "C_tcmalloc215_historical")
        #expect(l.titled("G_glibc_dircache0_historical") == "G_glibc_dircache0_historical")
        // Contained in the ID, whatever the case.
        #expect(l.titled("D_glibc_control") == "D_glibc_control")
        #expect(l.titled("E_x") == "E_x")
        #expect(GroupLabels.repeats("glibc", of: "D_glibc_control"))
        #expect(GroupLabels.repeats("glibc control", of: "D_glibc_control"))
        #expect(GroupLabels.repeats("Glibc-Control", of: "D_glibc_control"))
        #expect(!GroupLabels.repeats("glibc 2.41", of: "D_glibc_control"))
    }
}
