import Testing
import TormemCore
import TormemData
import TormemTestSupport
@testable import TormemCharts

/// Each chart's alt text says what it shows for this data, with the numbers the chart prints.
@Suite struct AltTextTests {
    func descriptions() throws -> [String: String] {
        let path = Fixtures.url("real-2025-09-18/measurements.csv")
        let inputs = ChartInputs(files: [try DataLoader.load(path: path)], side: try SideFiles.load(nextTo: path))
        let plan = ChartPlan(ChartContext(inputs: inputs, style: ChartStyle()), prefix: "memory")
        return Dictionary(uniqueKeysWithValues: plan.charts.map { ($0.name, $0.description) })
    }

    @Test func theRealExperimentIsDescribedByItsNumbers() throws {
        let d = try descriptions()
        #expect(d["memory_usage"]?.hasSuffix(": the total went from 16.04 GB to 33.79 GB (+111 %) between 2025-09-09 and 2025-09-18, with 3 → 13 relays; the average relay ends at 2.60 GB.") == true)
        #expect(d["chart1_memory_over_time"]?.hasSuffix(": the groups end at A 300 MB, E 335 MB, C 4.17 GB, D 4.76 GB, B (control) 5.14 GB.") == true)
        #expect(d["chart2_final_comparison"]?.hasSuffix(": group A · DirCache 0 + MaxMem 2GB ends lowest at 300 MB, 94 % below the control B · Control (default) (5.14 GB); 2 STABLE, 3 FRAGMENTED.") == true)
        #expect(d["memory_distribution"]?.hasSuffix(": 13 relays, mean 2.60 GB, σ 2.14 GB; from 276 MB (22gz) to 5.14 GB (armanicaesar).") == true)
        // Every chart has a finding after its kind.
        for (name, text) in d { #expect(text.hasSuffix("."), "\(name): \(text)") }
    }

    @Test func theFindingFollowsTheKind() {
        #expect(AltText.join("Kind", "finding") == "Kind: finding.")
        #expect(AltText.join("Kind: part", "finding") == "Kind: part; finding.")
        #expect(AltText.join("Kind", nil) == "Kind")
    }

    @Test func aSnapshotNamesItsHighestRelay() {
        let snap = SnapshotTable(relays: [.init(name: "a", pid: 1, rssGB: 1.5, vmsizeGB: 2, hwmGB: 2, fragRatio: .nan),
                                          .init(name: "b", pid: 2, rssGB: 4.25, vmsizeGB: 5, hwmGB: 5, fragRatio: .nan)],
                                 notRunning: ["c"])
        #expect(AltText.snapshot(snap) == "2 running relays, the highest b at 4.25 GB; 1 not running")
    }
}
