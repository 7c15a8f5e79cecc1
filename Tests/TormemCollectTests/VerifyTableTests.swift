import Testing
@testable import TormemCollect

@Suite struct VerifyTableTests {
    @Test func showsWhoSetsWhat() throws {
        let instances = try InstanceDirectory(path: FakeHost.instancesDirectory).instances()
        let text = VerifyTable.text(VerifyTable.entries(instances))
        #expect(text == """
        INSTANCE  DIRCACHE   MAXMEMINQUEUES  DIRCACHE 0  MAXMEM SET
        alpha     0          2 GB            yes         yes
        beta      (not set)  (not set)       no          no
        gamma     (not set)  512 MB          no          yes

        DirCache 0: 1 of 3 (alpha)
        MaxMemInQueues set: 2 of 3 (alpha, gamma)

        """)
    }

    @Test func unreadableTorrcIsSaidSo() {
        let e = VerifyTable.Entry(instance: RelayInstance(name: "x", directory: "/nonexistent/x"), settings: nil)
        let text = VerifyTable.text([e])
        #expect(text.contains("x         (no torrc)"))
        #expect(text.contains("torrc not readable: x"))
    }
}
