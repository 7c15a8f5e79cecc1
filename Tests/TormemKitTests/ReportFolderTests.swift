import Foundation
import Testing
import TormemCore
@testable import TormemKit

@Suite struct ReportFolderTests {
    /// The name and the command path come from the folder, not from how its path was spelled.
    @Test func namesDoNotDependOnTheSpelling() throws {
        let root = try temporaryFolder() + "/reports"
        let path = root + "/2025-01-01-h-x"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try write("x\n", to: path + "/data.csv")
        let cwd = FileManager.default.currentDirectoryPath
        for spelling in [path, path + "/", path + "//", root + "/./2025-01-01-h-x", root + "/../reports/2025-01-01-h-x/."] {
            let f = try ReportFolder(path: spelling)
            #expect(f.name == "2025-01-01-h-x", "\(spelling)")
            #expect(f.commandPath == "reports/2025-01-01-h-x", "\(spelling)")
        }
        #expect(ReportFolder.components("a/../../b/./c") == ReportFolder.components(cwd + "/../b/c"))
    }

    /// A folder that is not there, or a file where the folder should be, is said in tormem's words.
    @Test func aMissingFolderIsNamedWithWhatWasExpected() throws {
        let dir = try temporaryFolder()
        try write("x\n", to: dir + "/file")
        let expected = "expected a report folder (reports/YYYY-MM-DD-host-description/)"
        for (path, reason) in [(dir + "/none", "no such folder"), (dir + "/file", "not a folder"), (dir + "/file/x", "no such folder")] {
            #expect(throws: TormemError.input(Diagnostic(file: path, message: reason + "; " + expected))) {
                try ReportFolder(path: path)
            }
        }
    }
}

