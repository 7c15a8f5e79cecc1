import Foundation
import Testing
import TormemCharts
import TormemTestSupport
@testable import TormemKit

/// Every chart the fixtures support against `Fixtures/golden/` (re-record with
/// TORMEM_RECORD_GOLDEN=1 swift test; a recording run fails with "re-recorded N files"). The
/// expected charts are the registry's, minus the ones each fixture cannot have: a chart that
/// stops being produced fails, and so does a new chart without a golden file.
@Suite struct GoldenChartTests {
    struct Case: Sendable, CustomStringConvertible {
        var data: String
        var folder: String
        var format: ChartsRequest.FileFormat
        /// Registry charts this data does not support (each is skipped with a reason, or not applicable).
        var notDrawn: Set<String>
        /// Only these charts are compared (vector goldens are kept for the time series only; the
        /// trade-off fixture keeps chart 5's).
        var only: Set<String>? = nil
        var description: String { "\(folder) \(format)" }
    }

    static let cases: [Case] = [
        Case(data: "real-2025-09-18/measurements.csv", folder: "real-2025-09-18", format: .png,
             notDrawn: ["chart5_memory_vs_bandwidth", "memory_outliers", "memory_ranking"]),
        Case(data: "real-2025-09-18/measurements.csv", folder: "real-2025-09-18", format: .svg,
             notDrawn: ["chart5_memory_vs_bandwidth", "memory_outliers", "memory_ranking"], only: ["memory_usage", "memory_weekly"]),
        Case(data: "synthetic/experiment_25relays.csv", folder: "synthetic-experiment", format: .png,
             notDrawn: ["memory_usage", "memory_weekly", "chart5_memory_vs_bandwidth", "memory_trajectories", "memory_distribution",
                        "memory_outliers", "memory_ranking"]),
        // The shapes of real operators' folders (Fixtures/make-shapes.py): long group IDs, shared
        // relays, a dozen events; a year of churn.
        Case(data: "shapes-allocators/memory.csv", folder: "shapes-allocators", format: .png,
             notDrawn: ["chart5_memory_vs_bandwidth", "memory_outliers", "memory_ranking"]),
        Case(data: "shapes-churn/memory.csv.gz", folder: "shapes-churn", format: .png,
             notDrawn: ["chart1_memory_over_time", "chart2_final_comparison", "chart3_fragmentation_timeline", "chart4_group_spread",
                        "chart5_memory_vs_bandwidth", "memory_outliers", "memory_ranking"]),
        Case(data: "synthetic/snapshot_60relays.csv", folder: "synthetic-snapshot", format: .png,
             notDrawn: ["memory_usage", "memory_weekly", "chart1_memory_over_time", "chart2_final_comparison",
                        "chart3_fragmentation_timeline", "chart4_group_spread", "chart5_memory_vs_bandwidth", "memory_trajectories",
                        "memory_outliers"]),
        // Groups with the collector's fact columns (Fixtures/tradeoff/make.py): chart 5 (the others
        // of this data are like those of the fixtures above).
        Case(data: "tradeoff/collected/measurements.csv", folder: "tradeoff", format: .png,
             notDrawn: ["memory_outliers", "memory_ranking"], only: ["chart5_memory_vs_bandwidth"]),
    ]

    @Test(arguments: cases)
    func everyExpectedChart(_ c: Case) throws {
        let dir = try temporaryFolder("golden-\(c.folder)-\(c.format)")
        _ = try ChartsJob.run(ChartsRequest(dataPaths: [Fixtures.url(c.data)], outputDirectory: dir, format: c.format))
        let stems = ChartRegistry.all.map { $0.fileStem(prefix: "memory") }.filter { !c.notDrawn.contains($0) }
        #expect(c.notDrawn.isSubset(of: ChartRegistry.all.map { $0.fileStem(prefix: "memory") }))
        if let only = c.only {
            for name in listing(dir) where !only.contains(String(name.split(separator: ".")[0])) {
                try FileManager.default.removeItem(atPath: dir + "/" + name)
            }
        }
        let expected = stems.filter { c.only?.contains($0) ?? true }.map { "\($0).\(c.format.fileExtension)" }
        #expect(!expected.isEmpty)
        for result in Golden.checkFolder(dir, expected: expected, against: c.folder) {
            #expect(result.passed, "\(result.message)")
        }
    }

    /// The comparison's two charts of Fixtures/compare (its three folders, gamma's control given,
    /// mimalloc matched by --match) against `Fixtures/golden/compare/`.
    @Test func theComparisonCharts() throws {
        let root = try CompareJobTests.root()
        defer { try? FileManager.default.removeItem(atPath: CompareJobTests.parent(root)) }
        let r = try CompareJobTests.compare(root)
        #expect(r.status == 0, "\(r.stderr)")
        for result in Golden.checkFolder(root + "/cmp/charts", expected: ["compare_effects.png", "compare_end_means.png"], against: "compare") {
            #expect(result.passed, "\(result.message)")
        }
    }
}
