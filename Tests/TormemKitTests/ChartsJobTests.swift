import Foundation
import Testing
import TormemCore
import TormemData
import TormemPlot
import TormemTestSupport
@testable import TormemKit

@Suite struct ChartsJobTests {
    @Test func writesBothChartsAndSummary() throws {
        let dir = try temporaryFolder() + "/new/charts"
        let report = try ChartsJob.run(ChartsRequest(dataPaths: [realData], outputDirectory: dir))
        #expect(listing(dir) == realCharts)
        #expect(report.written.count == realCharts.count)
        #expect(report.skippedCharts.map(\.name) == ["chart5_memory_vs_bandwidth", "memory_outliers"])
        let text = report.text
        for needle in ["co:", "period", "data points", "relays", "total", "per relay", "wrote "] {
            #expect(text.contains(needle), "summary mentions \(needle)")
        }
    }

    @Test(arguments: ChartsRequest.FileFormat.allCases)
    func outputIsDeterministic(format: ChartsRequest.FileFormat) throws {
        let a = try temporaryFolder("det-a-\(format)"), b = try temporaryFolder("det-b-\(format)")
        for dir in [a, b] {
            _ = try ChartsJob.run(ChartsRequest(dataPaths: [realData], outputDirectory: dir, format: format))
        }
        for name in ["memory_usage", "memory_weekly"] {
            let file = "\(name).\(format.fileExtension)"
            let x = bytes(a + "/" + file) ?? [], y = bytes(b + "/" + file) ?? []
            #expect(x == y, "\(file) differs between runs")
            #expect(x.count > 1000)
        }
    }

    @Test func prefixAndSizeOptions() throws {
        let dir = try temporaryFolder()
        _ = try ChartsJob.run(ChartsRequest(dataPaths: [realData], outputDirectory: dir, prefix: "co",
                                            theme: .light, width: 1000, height: 600))
        #expect(listing(dir) == ["co_chart1_memory_over_time.png", "co_chart2_final_comparison.png", "co_chart3_fragmentation_timeline.png",
                                 "co_chart4_group_spread.png", "co_distribution.png", "co_trajectories.png", "co_usage.png", "co_weekly.png"])
        let png = try #require(bytes(dir + "/co_usage.png"))
        // IHDR width and height (big-endian) at bytes 16...23.
        let w = png[16..<20].reduce(0) { $0 << 8 | Int($1) }, h = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(w == 1000 && h == 600)
    }

    @Test func multiServerSummary() throws {
        let dir = try temporaryFolder()
        let header = "date,time,num_relays,total_mb,avg_mb,min_mb,max_mb\n"
        try write(header + "2025-01-01,00:00:00,2,2048,1024,1000,1048\n2025-01-02,00:00:00,2,3072,1536,1500,1572\n",
                  to: dir + "/alpha.csv")
        try write(header + "2025-01-01,00:00:00,3,3072,1024,1000,1048\n2025-01-02,00:00:00,3,6144,2048,2000,2096\n",
                  to: dir + "/beta.csv")
        let report = try ChartsJob.run(ChartsRequest(dataPaths: [dir + "/alpha.csv", dir + "/beta.csv"],
                                                     outputDirectory: dir + "/out"))
        #expect(report.summaries.map(\.name) == ["alpha", "beta"])
        let combined = try #require(report.combined)
        #expect(combined.latestTotalKB == (3072 + 6144) * 1024)
        #expect(report.text.contains("all 2 servers"))
    }

    @Test func unusableInputWritesNothing() throws {
        let dir = try temporaryFolder()
        try write("foo,bar\n1,2\n", to: dir + "/bad.csv")
        #expect(throws: TormemError.self) {
            try ChartsJob.run(ChartsRequest(dataPaths: [dir + "/bad.csv"], outputDirectory: dir + "/out"))
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }

    @Test func strictFailsOnSkippedRows() throws {
        let dir = try temporaryFolder()
        try write("date,time,num_relays,total_mb,avg_mb,min_mb,max_mb\n2025-01-01,00:00:00,2,2048,1024,1000,1048\n"
                  + "2025-01-02,00:00:00,x,2048,1024,1000,1048\n", to: dir + "/d.csv")
        let lax = try ChartsJob.run(ChartsRequest(dataPaths: [dir + "/d.csv"], outputDirectory: dir + "/lax"))
        #expect(lax.skippedRows == 1)
        do {
            _ = try ChartsJob.run(ChartsRequest(dataPaths: [dir + "/d.csv"], outputDirectory: dir + "/strict", strict: true))
            Issue.record("expected --strict to fail")
        } catch {
            #expect(error.exitCode == 3)
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/strict"))
    }

    @Test func failedRunKeepsEarlierCharts() throws {
        let dir = try temporaryFolder()
        _ = try ChartsJob.run(ChartsRequest(dataPaths: [realData], outputDirectory: dir))
        let before = bytes(dir + "/memory_usage.png")
        let names = listing(dir)
        try write("date,time,num_relays,total_mb\n", to: dir + "/empty.csv")
        #expect(throws: TormemError.self) {
            try ChartsJob.run(ChartsRequest(dataPaths: [dir + "/empty.csv"], outputDirectory: dir))
        }
        #expect(bytes(dir + "/memory_usage.png") == before)
        #expect(listing(dir) == (names + ["empty.csv"]).sorted())
    }

    /// The slowest charts start first: the trajectories (every relay's series) outrank the weekly
    /// bars; the files are still written in the plan's order.
    @Test func slowChartsAreStartedFirstAndResultsKeepTheirOrder() throws {
        let request = ChartsRequest(dataPaths: [Fixtures.url("synthetic/unified_12relays_7days.csv")], outputDirectory: "unused")
        let plan = request.plan(try ChartsJob.inputs(request))
        let estimate = Dictionary(uniqueKeysWithValues: plan.charts.map { ($0.name, ChartsJob.workEstimate($0.figure)) })
        let trajectories = try #require(estimate["memory_trajectories"]), weekly = try #require(estimate["memory_weekly"])
        #expect(trajectories > weekly)
        let dir = try temporaryFolder()
        let r = try run(["--data", Fixtures.url("synthetic/unified_12relays_7days.csv"), "--output-dir", dir])
        #expect(r.status == 0)
        let written = r.stdout.split(separator: "\n").filter { $0.hasPrefix("wrote ") }.map { String($0.split(separator: "/").last!) }
        #expect(written == plan.charts.map { $0.name + ".png" })
    }

    /// Charts render concurrently only within the memory budget: big surfaces one at a time.
    @Test func renderingBatchesFitTheMemoryBudget() {
        let small = Size(width: 2100, height: 1500), big = Size(width: 10_000, height: 5_000)
        #expect(ChartsJob.batches(Array(repeating: small, count: 8)) == [0..<8])
        #expect(ChartsJob.batches(Array(repeating: big, count: 3)) == [0..<1, 1..<2, 2..<3])
        #expect(ChartsJob.batches([]) == [])
        for batch in ChartsJob.batches([big, small, small, big, big]) where batch.count > 1 {
            #expect(batch.map { [big, small, small, big, big][$0] }.map(ChartsJob.renderCost).reduce(0, +) <= ChartsJob.renderBudget)
        }
    }

    /// One chart cannot be put in place (a folder holds its name): every chart keeps its earlier
    /// bytes, including those renamed before the failure, and nothing else is left behind.
    @Test func aRenameFailingPartWayChangesNoChart() throws {
        let dir = try temporaryFolder()
        _ = try ChartsJob.run(ChartsRequest(dataPaths: [realData], outputDirectory: dir))
        let last = "memory_distribution.png"
        try FileManager.default.removeItem(atPath: dir + "/" + last)
        try FileManager.default.createDirectory(atPath: dir + "/" + last + "/keep", withIntermediateDirectories: true)
        let before = Dictionary(uniqueKeysWithValues: listing(dir).map { ($0, bytes(dir + "/" + $0)) })
        var request = ChartsRequest(dataPaths: [realData], outputDirectory: dir)
        request.theme = .light
        do {
            _ = try ChartsJob.run(request)
            Issue.record("expected an output error")
        } catch {
            #expect(error.exitCode == 4)
            #expect(error.description.hasPrefix(dir + "/" + last + ": cannot write"))
        }
        #expect(listing(dir) == before.keys.sorted())
        for (name, old) in before { #expect(bytes(dir + "/" + name) == old, "\(name) changed") }
    }

    @Test func aJSONFileThatCannotBeWrittenWritesNoChart() throws {
        let dir = try temporaryFolder()
        var request = ChartsRequest(dataPaths: [realData], outputDirectory: dir + "/new/charts")
        request.jsonPath = dir + "/missing/run.json"
        #expect(throws: TormemError.self) { try ChartsJob.run(request) }
        // Not even the output folder it made for them.
        #expect(listing(dir) == [])
    }
}
