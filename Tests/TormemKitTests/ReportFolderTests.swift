import Foundation
import Testing
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
}
