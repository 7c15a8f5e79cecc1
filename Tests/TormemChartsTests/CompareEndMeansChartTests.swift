import Testing
import TormemCore
import TormemData
import TormemPlot
import TormemTestSupport
@testable import TormemCharts

@Suite struct CompareEndMeansChartTests {
    func ranking(_ f: Figure) -> RankingPanel? {
        guard case .ranking(let p)? = f.panels.first else { return nil }
        return p
    }

    /// First a row per experiment's control, then per configuration a row per entry, each with its
    /// own control's value as a dashed tick and in words.
    @Test func controlsFirstThenARowPerEntryWithItsOwnControl() throws {
        let c = CompareTestData.twoByFour()
        let panel = try #require(ranking(CompareEndMeansChart.make(c, style: ChartStyle())))
        #expect(panel.rows.count == 2 + 8)
        let controls = panel.rows.prefix(2)
        #expect(controls.map(\.label) == ["co", "relayhost"])
        #expect(controls.first?.heading == "Each experiment's control")
        #expect(controls.map(\.value) == c.controls.map { $0!.endMean })
        #expect(controls.map(\.text) == ["5.36 GB", "3.10 GB"])
        #expect(controls.first?.detail.hasPrefix("A · glibc (control) · n 5 · 10 days") == true)
        var k = 2
        for config in c.configurations {
            for (j, e) in config.entries.enumerated() {
                let row = panel.rows[k]
                let control = try #require(c.controls[e.experiment])
                #expect(row.label == c.experiments[e.experiment].name)
                #expect(row.heading == (j == 0 ? config.name : nil))
                #expect(row.gapBefore == (j == 0))
                #expect(row.value == e.endMean)
                #expect(row.text == ChartText.value(e.endMean, c.metric))
                #expect(row.marks == [RankingPanel.Mark(value: control.endMean, dashed: true, joined: true)])
                #expect(row.detail == "control \(ChartText.value(control.endMean, c.metric)) · n 5 · group \(e.group) · 10 days")
                #expect(row.color == Theme.dark.series(e.experiment))
                k += 1
            }
        }
        #expect(panel.rows[2].text == "1.50 GB")            // jemalloc on co: 72 % below 5.36 GB
        let text = drawnStrings(CompareEndMeansChart.make(c, style: ChartStyle()))
        for config in c.configurations { #expect(text.contains(config.name)) }
        #expect(text.contains("Each experiment's control"))
        #expect(text.contains { $0.hasPrefix("control 5.36 GB") })
    }

    @Test func aFolderWithoutAControlSaysSo() throws {
        let c = CompareTestData.shapes().first { $0.0 == "no control" }!.1
        let panel = try #require(ranking(CompareEndMeansChart.make(c, style: ChartStyle())))
        #expect(panel.rows[1].label == "relayhost" && panel.rows[1].text == "no control")
        let entry = try #require(panel.rows.first { $0.label == "relayhost" && $0.heading == nil && $0.text != "no control" })
        #expect(entry.marks.isEmpty && !entry.detail.contains("control"))
    }

    @Test(arguments: [ChartStyle(), ChartStyle(theme: .light), ChartStyle(width: 1000), ChartStyle(theme: .light, width: 1000),
                      ChartStyle(width: 1000, height: 700)])
    func everyShapeIsReadable(style: ChartStyle) {
        for (name, c) in CompareTestData.shapes() {
            let problems = LayoutAudit(CompareEndMeansChart.make(c, style: style)).problems
            #expect(problems.isEmpty, "\(name) \(style.theme == .light ? "light" : "dark") \(style.width ?? 0): \(problems)")
        }
    }

    @Test func theDescriptionNamesControlsAndEndMeans() {
        let c = CompareTestData.twoByFour()
        let d = CompareEndMeansChart.description(c)
        #expect(d.contains("the controls end at co 5.36 GB, relayhost 3.10 GB"))
        for config in c.configurations {
            #expect(d.contains(config.name + " ends at " + config.entries.map { ChartText.value($0.endMean, c.metric) + " in " + c.experiments[$0.experiment].name }.joined(separator: ", ")))
        }
        #expect(CompareEndMeansChart.fileStem == "compare_end_means")
        #expect(CompareEndMeansChart.size(for: CompareTestData.long()).height > CompareEndMeansChart.size(for: c).height)
    }
}
