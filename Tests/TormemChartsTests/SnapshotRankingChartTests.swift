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
        let note = try #require(drawnStrings(big).first { $0.contains("more relays of") })
        #expect(note.contains("or less not shown: draw with --height "), "\(note)")
        // The height it names holds every relay, and 10 px less does not.
        let height = try #require(Double(note.split(separator: " ").last { Double($0) != nil }.map(String.init) ?? ""))
        #expect(!drawnStrings(SnapshotRankingChart.make(many, style: ChartStyle(height: height))).contains { $0.contains("not shown") })
        #expect(drawnStrings(SnapshotRankingChart.make(many, style: ChartStyle(height: height - 10))).contains { $0.contains("1 more relays of") })
    }

    @Test func theHintStaysWithinTheHeightOption() {
        let huge = SnapshotTable(relays: (0..<3000).map { .init(name: "r\($0)", pid: $0, rssGB: 1, vmsizeGB: .nan, hwmGB: .nan, fragRatio: .nan) },
                                 notRunning: [])
        #expect(drawnStrings(SnapshotRankingChart.make(huge, style: ChartStyle())).contains { $0.hasSuffix("--height 20000 shows \(SnapshotRankingChart.rows(height: 20_000, width: 2100, textScale: 1))") })
    }

    @Test func valuesBelowOneGBAreInMB() {
        #expect(ChartText.gbValue(0.4) == "410 MB")
        #expect(ChartText.gbValue(0.01) == "10 MB")
        #expect(ChartText.gbValue(0.9996) == "1.00 GB")     // 1023.6 MB rounds to 1024: GB
        #expect(ChartText.gbValue(1.234) == "1.23 GB")
        #expect(ChartText.gb(Memory(gb: 0.27)) == "276 MB")
        #expect(ChartText.gb(Memory(gb: 33.84)) == "33.8 GB")
        #expect(ChartText.gbValue(.nan) == "– GB")
    }

    @Test func onlyForSnapshots() throws {
        #expect(SnapshotRankingChart().make(try ChartTestData.context("synthetic/unified_12relays_7days.csv")).isNotApplicable)
        #expect(SnapshotRankingChart().make(try ChartTestData.context("synthetic/snapshot_60relays.csv")).figure != nil)
    }
}
