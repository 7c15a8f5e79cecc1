import Testing
import TormemCore

@Suite struct ReportFolderNameTests {
    @Test(arguments: [("baseline", "baseline"), ("DirCache 0 + MaxMem 2GB", "dircache-0-maxmem-2gb"),
                      ("../../etc", "etc"), ("a/b", "a-b"), ("..", ""), ("", ""), ("///", ""),
                      ("-x-", "x"), ("été", "t"), ("/etc/passwd\u{0}", "etc-passwd")])
    func partsKeepOnlyLettersDigitsAndDashes(_ input: String, _ expected: String) {
        let s = ReportFolderName.part(input)
        #expect(s == expected)
        #expect(!s.contains("/") && !s.contains(".."))
        #expect(s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
    }

    @Test func longPartsAreCutWithoutATrailingDash() {
        let s = ReportFolderName.part(String(repeating: "ab-", count: 100))
        #expect(s.count <= ReportFolderName.maxPartLength)
        #expect(!s.hasSuffix("-"))
    }

    @Test func nameFromDateShortHostAndDescription() {
        let date = CivilDate(year: 2025, month: 12, day: 25)
        #expect(ReportFolderName.make(date: date, host: "Relay1.example.org", description: "../../etc")
                == "2025-12-25-relay1-etc")
        #expect(ReportFolderName.make(date: date, host: "co", description: "guard fragmentation")
                == "2025-12-25-co-guard-fragmentation")
        #expect(ReportFolderName.make(date: date, host: "h", description: "../") == nil)
        #expect(ReportFolderName.make(date: date, host: "..", description: "x") == nil)
    }
}
