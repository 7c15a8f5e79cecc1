import Testing
import TormemData
@testable import TormemCollect

@Suite struct ReportFolderTests {
    @Test(arguments: [("baseline", "baseline"), ("DirCache 0 + MaxMem 2GB", "dircache-0-maxmem-2gb"),
                      ("../../etc", "etc"), ("a/b", "a-b"), ("..", nil), ("", nil), ("///", nil),
                      ("-x-", "x"), ("été", "t"), ("/etc/passwd\u{0}", "etc-passwd")])
    func sanitising(_ input: String, _ expected: String?) {
        let s = ReportFolder.sanitize(input)
        #expect(s == expected)
        if let s {
            #expect(!s.contains("/") && !s.contains("..") && !s.isEmpty)
            #expect(s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
        }
    }

    @Test func longDescriptionsAreCut() {
        let s = ReportFolder.sanitize(String(repeating: "ab-", count: 100))
        #expect((s?.count ?? 0) <= ReportFolder.maxLength)
        #expect(s?.hasSuffix("-") == false)
    }

    @Test func nameFromDateShortHostAndDescription() throws {
        #expect(try ReportFolder.name(time: FakeHost.time, host: "Relay1.example.org", description: "../../etc")
                == "2025-12-25-relay1-etc")
        #expect(throws: TormemError.self) { try ReportFolder.name(time: FakeHost.time, host: "h", description: "../") }
    }

    @Test func createMakesParents() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        try ReportFolder.create(tmp.file("a/b/c"))
        #expect(DirectoryListing.isDirectory(tmp.file("a/b/c")))
        try tmp.write("x", to: "file")
        #expect(throws: TormemError.self) { try ReportFolder.create(tmp.file("file")) }
    }
}
