import Testing
import TormemCore
import TormemData
import TormemPlot
import TormemTestSupport
@testable import TormemCharts

@Suite struct SnapshotRankingChartTests {
    @Test func listsNotRunningRelaysAndStaysReadableWithMany() throws {
        let snap = try #require(try ChartTestData.load("synthetic/snapshot_60relays.csv").snapshot)
        let fig = SnapshotRankingChart.make(snap, style: ChartStyle())
        checkLayout(fig)
        let text = drawnStrings(fig)
        #expect(text.contains { $0.contains("not running (\(snap.notRunning.count))") })
        #expect(!text.contains { $0 == snap.notRunning[0] })    // listed, not charted
        let many = SnapshotTable(relays: (0..<300).map { .init(name: "r\($0)", pid: $0, rssGB: Double($0 % 50) / 10, vmsizeGB: .nan, hwmGB: .nan, fragRatio: .nan) },
                                 notRunning: [])
        let big = SnapshotRankingChart.make(many, style: ChartStyle())
        checkLayout(big)
        #expect(drawnStrings(big).contains { $0.contains("more relays not shown") })
    }

    @Test func onlyForSnapshots() throws {
        #expect(SnapshotRankingChart().make(try ChartTestData.context("synthetic/unified_12relays_7days.csv")).isNotApplicable)
        #expect(SnapshotRankingChart().make(try ChartTestData.context("synthetic/snapshot_60relays.csv")).figure != nil)
    }
}
