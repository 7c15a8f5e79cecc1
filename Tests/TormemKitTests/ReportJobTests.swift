import Foundation
import Testing
import TormemCore
import TormemData
import TormemTestSupport
@testable import TormemKit

@Suite struct ReportJobTests {
    /// A reports folder with one report made from the real fixture.
    func makeReports() throws -> (root: String, folder: ReportFolder) {
        let root = try temporaryFolder("reports-\(UUID().uuidString.prefix(6))") + "/reports"
        let folder = try ReportJob.create(reportsDir: root, name: "Guard fragmentation!", host: "co", date: "2025-09-18", data: realData)
        _ = try ReportJob.run(folder, options: ChartsRequest(dataPaths: [], outputDirectory: ""), check: false)
        return (root, folder)
    }

    func check(_ folder: ReportFolder) throws -> [String] {
        try ReportJob.run(folder, options: ChartsRequest(dataPaths: [], outputDirectory: ""), check: true).stale
    }

    @Test func newFolderHasTheConventionalNameAndEverything() throws {
        let (_, folder) = try makeReports()
        #expect(folder.name == "2025-09-18-co-guard-fragmentation")
        #expect(listing(folder.path) == ["README.md", "REPORT.md", "charts", "experiment.json", "measurements.csv", "relay_config.csv"])
        #expect(listing(folder.chartsPath).count == 8)
        #expect(try check(folder).isEmpty)
    }

    @Test(arguments: ["../../etc", "a/b", "..", "", "  ", "x/../../y"])
    func descriptionsCannotLeaveTheReportsFolder(name: String) throws {
        let root = try temporaryFolder() + "/reports"
        do {
            let f = try ReportJob.create(reportsDir: root, name: name, host: "h", date: "2025-01-01", data: realData)
            #expect(f.path.hasPrefix(root + "/2025-01-01-h-"))
            #expect(!f.name.contains("/") && !f.name.contains(".."))
        } catch {
            #expect(error.exitCode == 2)
        }
        #expect(ReportFolderName.part("../../etc") == "etc")
    }

    @Test func checkIsGreenWhenCurrentAndNamesStaleOutputs() throws {
        let (root, folder) = try makeReports()
        #expect(try ReportJob.folders(under: root) == [folder.path])
        #expect(try check(folder).isEmpty)

        // Missing chart.
        try FileManager.default.removeItem(atPath: folder.chartsPath + "/memory_weekly.png")
        #expect(try check(folder) == [folder.chartsPath + "/memory_weekly.png: missing"])
        _ = try ReportJob.run(folder, options: ChartsRequest(dataPaths: [], outputDirectory: ""), check: false)
        #expect(try check(folder).isEmpty)

        // Edited generated section.
        let reportPath = folder.path + "/REPORT.md"
        var text = try String(contentsOfFile: reportPath, encoding: .utf8)
        text = text.replacingOccurrences(of: "| STABLE |", with: "| GREAT |")
        try write(text, to: reportPath)
        #expect(try check(folder) == [reportPath + ": generated sections key-metrics would change"])

        // Prose a person wrote survives regeneration; the generated numbers come back.
        text = text.replacingOccurrences(of: "_Why memory behaves this way._", with: "glibc arenas never give memory back.")
        try write(text, to: reportPath)
        _ = try ReportJob.run(folder, options: ChartsRequest(dataPaths: [], outputDirectory: ""), check: false)
        let after = try String(contentsOfFile: reportPath, encoding: .utf8)
        #expect(after.contains("glibc arenas never give memory back."))
        #expect(!after.contains("| GREAT |"))
        #expect(try check(folder).isEmpty)
    }

    @Test func checkIsRedAfterADataChange() throws {
        let (_, folder) = try makeReports()
        let data = folder.path + "/measurements.csv"
        var text = try String(contentsOfFile: data, encoding: .utf8)
        text = text.replacingOccurrences(of: "2025-09-18T00:00:00,co,relay,,22gz,A,", with: "2025-09-18T00:00:00,co,relay,,22gz,A,9")
        try write(text, to: data)
        let stale = try check(folder)
        #expect(stale.contains { $0.hasSuffix("memory_trajectories.png: would change") })
        #expect(stale.contains { $0.contains("REPORT.md: generated sections") && $0.contains("key-metrics") })
        // --check wrote nothing.
        #expect(try check(folder) == stale)
    }

    @Test func commandLineExitCodes() throws {
        let (root, folder) = try makeReports()
        let ok = try run(["regenerate", root, "--check"])
        #expect(ok.status == 0, "\(ok.stderr)")
        try FileManager.default.removeItem(atPath: folder.chartsPath + "/memory_usage.png")
        let stale = try run(["regenerate", root, "--check"])
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("memory_usage.png: missing"))
        #expect(!FileManager.default.fileExists(atPath: folder.chartsPath + "/memory_usage.png"))
        let fix = try run(["regenerate", root])
        #expect(fix.status == 0)
        #expect(try run(["regenerate", root, "--check"]).status == 0)
        #expect(try run(["report"]).status == 2)
        #expect(try run(["report", root + "/nope"]).status == 3)
    }
}
