import Foundation
import Testing
import TormemCore
import TormemTestSupport
@testable import TormemKit

/// `ReportJob`'s steps one by one, as a command over several folders would call them: each takes a
/// folder (or what an earlier step made of it) and returns values.
@Suite struct ReportJobStepsTests {
    let options = ChartsRequest(dataPaths: [], outputDirectory: "")

    func newFolder() throws -> ReportFolder {
        try ReportJob.create(reportsDir: try temporaryFolder("steps-\(UUID().uuidString.prefix(6))") + "/reports",
                             name: "guard", host: "co", date: "2025-09-18", data: realData)
    }

    /// settings → plan → render → check.
    func check(_ folder: ReportFolder, _ mode: ReportJob.CheckMode = .source, given: ChartSettings = ChartSettings()) throws -> [ReportJob.Stale] {
        let settings = try ReportJob.settings(folder, given: given)
        let plan = try ReportJob.plan(folder, settings: settings, options: options)
        return ReportJob.check(try ReportJob.render(folder, settings: settings, plan: plan, check: mode).outputs)
    }

    /// settings → plan → render → write.
    @discardableResult
    func write(_ folder: ReportFolder, given: ChartSettings = ChartSettings()) throws -> (written: [String], removed: [String]) {
        let settings = try ReportJob.settings(folder, given: given)
        let plan = try ReportJob.plan(folder, settings: settings, options: options)
        return try ReportJob.write(try ReportJob.render(folder, settings: settings, plan: plan, check: nil).outputs, in: folder)
    }

    func charts(_ folder: ReportFolder) -> [String] { realCharts.map { folder.chartsPath + "/" + $0 } }

    @Test func aNewFolderLacksEveryChartAndBothDocuments() throws {
        let folder = try newFolder()
        let stale = try check(folder)
        #expect(Set(stale.map(\.path)) == Set(charts(folder) + [folder.path + "/README.md", folder.path + "/REPORT.md"]))
        #expect(stale.allSatisfy { $0.reason == .missing })
    }

    @Test func writeThenCheckIsClean() throws {
        let folder = try newFolder()
        let first = try write(folder)
        #expect(Set(first.written) == Set(charts(folder) + [folder.path + "/README.md", folder.path + "/REPORT.md"]))
        #expect(first.removed.isEmpty)
        #expect(try check(folder).isEmpty)
        #expect(try check(folder, .pixels).isEmpty)
        #expect(try write(folder).written.isEmpty)
    }

    /// One more byte in the data file (a comment: the same numbers, so the same text): exactly the
    /// charts are stale, each by its source stamp.
    @Test func aChangedDataFileMakesExactlyTheChartsStale() throws {
        let folder = try newFolder()
        try write(folder)
        try Data(try #require(bytes(folder.dataPath)) + Array("# note\n".utf8)).write(to: URL(fileURLWithPath: folder.dataPath))
        let stale = try check(folder)
        #expect(stale.map(\.path).sorted() == charts(folder).sorted())
        #expect(stale.allSatisfy { $0.reason == .otherSource })
        #expect(stale.first?.description.hasSuffix(": drawn from other data, side files or options") == true)
    }

    /// What a run would change, told apart by kind: charts with their stamps, tormem.json with its
    /// options, and the charts of earlier options (another prefix), to remove.
    @Test func outputsSayWhatTheyAre() throws {
        let folder = try newFolder()
        try write(folder)
        var given = ChartSettings()
        given[.prefix] = .text("guard")
        let settings = try ReportJob.settings(folder, given: given)
        #expect(settings.stored == nil && settings.settings == given)
        let plan = try ReportJob.plan(folder, settings: settings, options: options)
        let outputs = try ReportJob.render(folder, settings: settings, plan: plan, check: .source).outputs
        let chartOutputs = outputs.filter { if case .chart = $0.kind { true } else { false } }
        #expect(chartOutputs.map(\.path) == plan.chartPaths)
        #expect(chartOutputs.allSatisfy { $0.bytes == nil })
        #expect(chartOutputs.map(\.kind) == plan.plan.charts.map { .chart(stamp: plan.source.stamp(for: $0.name + ".png")) })
        #expect(outputs.contains { $0.path == settings.path && $0.kind == .settings(arguments: ["--prefix", "guard"]) })
        let leftOver = outputs.filter { $0.kind == .leftOver }.map(\.path)
        // Another prefix names every chart anew (`guard_usage.png`, `guard_chart1_…`).
        #expect(Set(leftOver) == Set(charts(folder)))
        let stale = ReportJob.check(outputs)
        #expect(stale.contains(ReportJob.Stale(path: settings.path, reason: .settings(arguments: ["--prefix", "guard"]))))
        #expect(stale.filter { $0.reason == .leftOver }.map(\.path) == leftOver)

        // Written, the new charts replace the left-over ones.
        let done = try write(folder, given: given)
        #expect(Set(done.removed) == Set(leftOver))
        #expect(try check(folder, given: given).isEmpty)
    }
}
