import Foundation
import Testing
import TormemCore
import TormemTestSupport
@testable import TormemKit

/// The example in reports/ that reads as finished work: its prose is written, its draft findings
/// rewritten (the markers removed), and regenerating it keeps every byte of what the author wrote.
@Suite struct ExampleReportTests {
    static let folder = Fixtures.packageRoot + "/reports/2025-09-18-co-guard-fragmentation"

    @Test func theFinishedExampleHasNoPlaceholderLeft() throws {
        let report = try String(contentsOfFile: Self.folder + "/REPORT.md", encoding: .utf8)
        let readme = try String(contentsOfFile: Self.folder + "/README.md", encoding: .utf8)
        for placeholder in ["_What was wrong", "_What the key metrics", "_What operators should do", "_What the charts and numbers mean",
                            "_Why memory behaves", "_Configuration changes, with", "_Follow-up experiments", "State the hypothesis",
                            "Draft findings"] {
            #expect(!report.contains(placeholder), "\(placeholder)")
        }
        #expect(!readme.contains("_Add context here"))
        #expect(!report.contains("tormem:begin draft-findings"))
    }

    @Test func regeneratingTheExampleKeepsEveryByte() throws {
        let copy = try temporaryFolder() + "/reports"
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.folder, toPath: copy + "/2025-09-18-co-guard-fragmentation")
        let result = try run(["regenerate", copy])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")  // nothing edited inside markers, no warning
        for name in ["README.md", "REPORT.md"] {
            #expect(bytes(copy + "/2025-09-18-co-guard-fragmentation/" + name) == bytes(Self.folder + "/" + name), "\(name)")
        }
    }
}
