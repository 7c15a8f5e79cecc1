import Testing
import TormemCore
import TormemData
import TormemPlot
import TormemTestSupport
@testable import TormemCharts

@Suite struct CompareEffectsChartTests {
    func forest(_ f: Figure) throws -> ForestPanel {
        guard case .forest(let p) = try #require(f.panels.first) else { throw Failure("not a forest plot") }
        return p
    }

    struct Failure: Error, CustomStringConvertible { var description: String; init(_ d: String) { description = d } }

    /// A section per configuration in its order, a row per entry in the experiments' order, each with
    /// the comparison's numbers: the dot at the percent, the line from its low to its high end.
    @Test func aSectionPerConfigurationAndARowPerEntry() throws {
        let c = CompareTestData.twoByFour()
        #expect(c.configurations.map(\.name) == CompareTestData.allocators)
        let panel = try forest(CompareEffectsChart.make(c, style: ChartStyle()))
        #expect(panel.sections.map(\.title) == c.configurations.map(\.name))
        for (section, config) in zip(panel.sections, c.configurations) {
            #expect(section.rows.count == config.entries.count)
            #expect(section.rows.map(\.label) == ["co", "relayhost"])
            for (row, e) in zip(section.rows, config.entries) {
                let vs = try #require(e.vsControl)
                let lo = try #require(vs.low), hi = try #require(vs.high)
                #expect(lo < vs.percent && vs.percent < hi)
                #expect(row.estimate == vs.percent)
                #expect(row.low == lo && row.high == hi)
                #expect(row.interval == lo...hi)
                #expect(row.sublabel == "group " + e.group)
                #expect(row.color == Theme.dark.series(e.experiment))
                #expect(row.text == GroupText.percent(vs.percent))
                #expect(row.detail == "\(GroupText.interval(vs)) · n 5 · day 9")
                #expect(row.note == nil)
            }
        }
        // The effects are the ones built in.
        #expect(panel.sections[0].rows.map { $0.estimate!.rounded() } == [-72, -65])
        #expect(panel.sections[0].rows[0].text == "−72 %")
        #expect(panel.zeroLabel.contains("no difference from the own control"))
        #expect(panel.legend.map(\.label) == ["co", "relayhost"])
        #expect(panel.legend.map(\.color) == [Theme.dark.series(0), Theme.dark.series(1)])
        // Every large saving holds in both experiments and is said so.
        #expect(panel.sections[0].note.contains("below the own control in every experiment"))
    }

    /// One relay: the dot and the reason, no line; no day shared with the control, or no control:
    /// no dot, the reason in words.
    @Test func missingIntervalsAndComparisonsAreSaid() throws {
        let c = CompareTestData.shapes().first { $0.0 == "no control" }!.1
        let panel = try forest(CompareEffectsChart.make(c, style: ChartStyle()))
        let rows = try #require(panel.sections.first?.rows)
        #expect(rows.map(\.label) == ["co", "relayhost", "exit"])
        #expect(rows[1].estimate == nil && rows[1].text == "no comparison" && rows[1].note == "no control in this experiment")
        #expect(rows[2].estimate != nil && rows[2].interval == nil && rows[2].note == "no interval: control n = 1")
        let text = drawnStrings(CompareEffectsChart.make(c, style: ChartStyle()))
        #expect(text.contains("no control in this experiment"))
        #expect(text.contains("no interval: control n = 1"))

        let long = CompareTestData.long()
        let lp = try forest(CompareEffectsChart.make(long, style: ChartStyle()))
        let one = lp.sections[2].rows[1]
        #expect(one.interval == nil && one.note == "no interval: n = 1" && one.detail.hasPrefix("(no interval: n = 1) · n 1"))
        let apart = lp.sections[5].rows[2]
        #expect(apart.estimate == nil && apart.note == "never on a day with its control")
        #expect(drawnStrings(CompareEffectsChart.make(long, style: ChartStyle())).contains("never on a day with its control"))
    }

    /// Groups matched by `--match` under another name keep their own titles in the rows.
    @Test func aMatchedConfigurationShowsEachGroupsTitle() throws {
        let a = CompareTestData.experiment("co", groups: [.init(label: "jemalloc 5.3", effect: -70)])
        let b = CompareTestData.experiment("relayhost", groups: [.init(label: "je 5.3.0", effect: -60)])
        let c = ExperimentComparison([a, b], matches: [.init(name: "jemalloc", members: [.init(experiment: 0, group: "B"), .init(experiment: 1, group: "B")])])
        let panel = try forest(CompareEffectsChart.make(c, style: ChartStyle()))
        #expect(panel.sections.map(\.title) == ["jemalloc"])
        #expect(panel.sections[0].rows.map(\.sublabel) == ["B · jemalloc 5.3", "B · je 5.3.0"])
        #expect(LayoutAudit(CompareEffectsChart.make(c, style: ChartStyle())).problems.isEmpty)
    }

    /// Nothing matched: both charts still draw (their titles, the controls), without rows to plot.
    @Test func withoutConfigurationsNothingBreaks() throws {
        let c = ExperimentComparison([CompareTestData.experiment("co", groups: [.init(label: "jemalloc", effect: -50)]),
                                      CompareTestData.experiment("relayhost", groups: [.init(label: "mimalloc", effect: -40)])])
        #expect(c.configurations.isEmpty)
        #expect(try forest(CompareEffectsChart.make(c, style: ChartStyle())).sections.isEmpty)
        #expect(drawnStrings(CompareEffectsChart.make(c, style: ChartStyle())).contains("Effect against each experiment's own control"))
        #expect(drawnStrings(CompareEndMeansChart.make(c, style: ChartStyle())).contains("Each experiment's control"))
        #expect(CompareEffectsChart.description(c).hasPrefix("Effect of each configuration"))
    }

    /// The axis covers zero and every interval (−95 % to +300 %, a very wide one too).
    @Test func theAxisCoversEveryIntervalAndZero() throws {
        for (name, c) in CompareTestData.shapes() {
            let figure = CompareEffectsChart.make(c, style: ChartStyle())
            let panel = try forest(figure)
            let reading = ForestTickReading(figure)
            #expect(reading.values.count >= 2, "\(name)")
            let domain = try #require(reading.domain)
            let lo = domain.lowerBound, hi = domain.upperBound
            #expect(lo < 0 && hi > 0, "\(name)")
            for r in panel.rows {
                for v in [r.estimate, r.low, r.high].compactMap({ $0 }) { #expect(lo <= v && v <= hi, "\(name): \(v) outside \(lo)…\(hi)") }
            }
        }
    }

    @Test(arguments: [ChartStyle(), ChartStyle(theme: .light), ChartStyle(width: 1000), ChartStyle(theme: .light, width: 1000),
                      ChartStyle(width: 1000, height: 700)])
    func everyShapeIsReadable(style: ChartStyle) {
        for (name, c) in CompareTestData.shapes() {
            let figure = CompareEffectsChart.make(c, style: style)
            let problems = LayoutAudit(figure).problems
            #expect(problems.isEmpty, "\(name) \(style.theme == .light ? "light" : "dark") \(style.width ?? 0): \(problems)")
        }
    }

    /// More configurations make the chart taller, not its rows thinner; a width alone keeps the proportions.
    @Test func theHeightFollowsTheRows() {
        let small = CompareEffectsChart.size(for: CompareTestData.twoByFour())
        let large = CompareEffectsChart.size(for: CompareTestData.long())
        #expect(small.width == CompareEffectsChart.defaultSize.width && large.width == small.width)
        #expect(large.height > small.height * 2)
        let narrow = CompareEffectsChart.make(CompareTestData.long(), style: ChartStyle(width: 1000)).size
        #expect(narrow.width == 1000 && abs(narrow.height - large.height * 1000 / large.width) < 1)
    }

    @Test func theDescriptionNamesEachConfigurationsEffects() {
        let c = CompareTestData.twoByFour()
        let d = CompareEffectsChart.description(c)
        #expect(d.hasPrefix("Effect of each configuration against each experiment's own control"))
        #expect(d.contains("(2 experiments, 4 configurations): jemalloc is −72 % "))
        for config in c.configurations {
            #expect(d.contains(config.name + " is "))
            for e in config.entries {
                #expect(d.contains(GroupText.percent(e.vsControl!.percent) + " " + GroupText.interval(e.vsControl!) + " in " + c.experiments[e.experiment].name))
            }
        }
        #expect(d.hasSuffix("."))
        #expect(CompareEffectsChart.description(CompareTestData.shapes().first { $0.0 == "no control" }!.1).contains("not compared in relayhost"))
        #expect(CompareEffectsChart.fileStem == "compare_effects")
    }
}

/// What a drawn forest plot's axis covers, from the tick labels under its plot area (`−50 %`,
/// `0 %`, `+100 %`) and the plot's edges.
struct ForestTickReading {
    var values: [Double] = []
    var domain: ClosedRange<Double>?
    init(_ figure: Figure) {
        let canvas = RecordingCanvas(size: figure.size)
        FigureRenderer.draw(figure, on: canvas)
        guard let plot = canvas.annotations.compactMap({ a -> Rect? in if case .plotArea(let r) = a { r } else { nil } }).first else { return }
        let ticks = canvas.texts.compactMap { t -> (Double, Double)? in
            guard t.box.minY >= plot.maxY, t.item.horizontal == .center, t.item.text.hasSuffix(" %"),
                  let v = Double(String(t.item.text.dropLast(2).map { $0 == "−" ? "-" : $0 }).filter { $0 != "+" }) else { return nil }
            return (v, t.item.position.x)
        }
        values = ticks.map(\.0)
        guard let a = ticks.first, let b = ticks.last, b.0 > a.0 else { return }
        let perPixel = (b.0 - a.0) / (b.1 - a.1)
        domain = (a.0 - (a.1 - plot.minX) * perPixel)...(b.0 + (plot.maxX - b.1) * perPixel)
    }
}
