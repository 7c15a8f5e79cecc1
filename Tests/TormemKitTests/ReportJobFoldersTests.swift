import Foundation
import Testing
import TormemCore
@testable import TormemKit

/// `regenerate DIR`: the report folders under DIR, and DIR missing said in tormem's words.
@Suite struct ReportJobFoldersTests {
    @Test func onlyReportFoldersAreListedSortedByName() throws {
        let root = try temporaryFolder()
        for name in ["b", "a", "c-no-data"] { try FileManager.default.createDirectory(atPath: root + "/" + name, withIntermediateDirectories: true) }
        try write("x\n", to: root + "/b/data.csv")
        try write("x\n", to: root + "/a/measurements.csv")
        #expect(try ReportJob.folders(under: root + "/") == [root + "/a", root + "/b"])
    }

    @Test func aMissingFolderIsNamedWithWhatWasExpected() throws {
        let dir = try temporaryFolder()
        try write("x\n", to: dir + "/file")
        let expected = "expected a folder of report folders (reports/)"
        for (path, reason) in [(dir + "/none", "no such folder"), (dir + "/file", "not a folder")] {
            #expect(throws: TormemError.input(Diagnostic(file: path, message: reason + "; " + expected))) {
                try ReportJob.folders(under: path + "/")
            }
        }
    }

    @Test func theCommandSaysItToo() throws {
        let r = try run(["regenerate", "/nonexistent"])
        #expect(r.status == 3)
        #expect(r.stderr == "tormem-charts: error: /nonexistent: no such folder; expected a folder of report folders (reports/)\n")
        let report = try run(["report", "/nonexistent/2025-01-01-h-x"])
        #expect(report.status == 3)
        #expect(report.stderr == "tormem-charts: error: /nonexistent/2025-01-01-h-x: no such folder; "
                + "expected a report folder (reports/YYYY-MM-DD-host-description/)\n")
    }
}
