import Testing
import TormemCore
import TormemData
import TormemPlot
import TormemTestSupport
@testable import TormemCharts

@Suite struct GroupSpreadChartTests {
    @Test(arguments: [ChartStyle(), ChartStyle(theme: .light, width: 900, height: 600)])
    func layoutOnRealAndSyntheticData(style: ChartStyle) throws {
        for (a, labels) in [try ChartTestData.realAnalysis(), try ChartTestData.experimentAnalysis()] {
            checkLayout(GroupSpreadChart.make(a, labels: labels, options: RelayChartOptions(), style: style))
        }
    }

    /// 80 relays in a group, a few of them far from the rest: every dot drawn, the unlike relays
    /// named (at most four per group), no text overlapping.
    @Test func eightyRelaysStayReadableAndUnlikeRelaysAreNamed() throws {
        var rows: [RelayInfo] = [], values: [[Double]] = []
        for r in 0..<80 {
            rows.append(RelayInfo(nickname: "m\(r)", group: "M"))
            values.append([0.5, r < 6 ? 4.0 + Double(r) * 0.1 : 0.6 + Double(r % 10) * 0.02])
        }
        for r in 0..<10 { rows.append(RelayInfo(nickname: "c\(r)", group: "C")); values.append([0.5, 5 + Double(r) * 0.05]) }
        let a = GroupAnalysis(DailyTable(days: [0, 1], relays: rows, values: values), labels: GroupLabels(["C": "control"]))
        let m = try #require(a.stats("M"))
        #expect(m.unlike.count == 6)
        let fig = GroupSpreadChart.make(a, labels: GroupLabels(), options: RelayChartOptions(), style: ChartStyle())
        checkLayout(fig)
        let text = drawnStrings(fig)
        #expect(text.filter { $0.hasPrefix("m") && Int($0.dropFirst()) != nil }.count == 4)
        #expect(text.contains { $0.contains("6 relays unlike their group") && $0.contains("4 named") })
        guard case .plot(let panel) = fig.panels[0], case .spread(let spread) = panel.layers[0] else {
            Issue.record("expected a spread layer"); return
        }
        #expect(spread.columns.map(\.values.count) == [10, 80])
    }

    static let allocatorStyles = [ChartStyle(), ChartStyle(theme: .light), ChartStyle(width: 1000, height: 619)]

    /// Eight groups with IDs like `G_glibc_dircache0_historical`: the labels wrap at `_` under
    /// their columns (not turned, which left the plot a sliver), each ID once.
    @Test(arguments: allocatorStyles)
    func longGroupIDsWrapAndThePlotKeepsItsHeight(style: ChartStyle) throws {
        let context = try ChartTestData.contextWithSideFiles("shapes-allocators/memory.csv", style: style)
        guard case .drawn(let fig, _) = GroupSpreadChart().make(context) else { Issue.record("not drawn"); return }
        let audit = LayoutAudit(fig)
        #expect(audit.problems.isEmpty, "\(audit.problems)")
        #expect(audit.plotShare > 0.5)
        let texts = audit.canvas.texts
        #expect(texts.allSatisfy { $0.item.quarterTurns == 0 || $0.item.text.hasPrefix("GB") }, "only the y-axis title is turned")
        #expect(texts.contains { $0.item.text == "dircache0_" })
        #expect(!texts.contains { $0.item.text.contains("historical ·") || $0.item.text.contains("· tcmalloc215") })
    }

    /// Relay names sit off every dot of the columns; a name away from its dot has a leader line.
    @Test(arguments: allocatorStyles)
    func relayNamesCoverNoDotAndReachTheirOwn(style: ChartStyle) throws {
        let context = try ChartTestData.contextWithSideFiles("shapes-allocators/memory.csv", style: style)
        guard case .drawn(let fig, _) = GroupSpreadChart().make(context) else { Issue.record("not drawn"); return }
        let audit = LayoutAudit(fig)
        // 9 relay names and 5 caveat marks (C, D, E, F, G: shared relays, E and G also clusters).
        #expect(audit.callouts.count == 14)
        #expect(audit.callouts.filter { $0.text.contains("shared") }.count == 5)
        #expect(audit.callouts.filter { $0.text.contains("2 clusters") }.count == 2)
        #expect(audit.callouts.contains { $0.leader != nil })
        #expect(audit.detachedCallouts.isEmpty)
        // The dots: small circles (16-sided paths) in a status colour.
        let dots = audit.canvas.fills.compactMap { f -> Rect? in
            guard f.path.elements.count > 10, f.color.alpha < 1 else { return nil }
            let pts = f.path.elements.compactMap { e -> Point? in
                switch e { case .move(let p), .line(let p): return p; case .close: return nil }
            }
            let xs = pts.map(\.x), ys = pts.map(\.y)
            return Rect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!)
        }
        #expect(dots.count > 200)
        for c in audit.callouts {
            let covered = dots.filter { $0.intersects(c.label) }
            #expect(covered.isEmpty, "\(c.text) covers \(covered.count) dots")
        }
    }

    /// The mean is a hollow diamond in the text colour: never the red of FRAGMENTED.
    @Test(arguments: [Theme.dark, Theme.light])
    func theMeanIsNotTheFragmentedRed(theme: Theme) throws {
        let context = try ChartTestData.contextWithSideFiles("shapes-allocators/memory.csv", style: ChartStyle(theme: theme))
        guard case .drawn(let fig, _) = GroupSpreadChart().make(context) else { Issue.record("not drawn"); return }
        let canvas = LayoutAudit(fig).canvas
        let diamonds = canvas.strokes.filter { $0.path.elements.count == 5 && $0.style.color == theme.text }
        #expect(diamonds.count == 8 + 1)                         // one per group and the legend's
        #expect(!canvas.fills.contains { $0.path.elements.count == 5 && $0.color == theme.warning })
        #expect(theme.text != theme.warning)
    }

    @Test func jitterIsDeterministicAndInsideTheColumn() {
        let offsets = (0..<500).map(SpreadLayer.jitter)
        #expect(offsets == (0..<500).map(SpreadLayer.jitter))
        #expect(offsets.allSatisfy { abs($0) <= 0.3 })
        #expect(Set(offsets).count > 400)
    }

    @Test func namedWithThePrefixAndSkippedWithoutGroups() throws {
        #expect(GroupSpreadChart().fileStem(prefix: "memory") == "chart4_group_spread")
        #expect(GroupSpreadChart().fileStem(prefix: "host1") == "host1_chart4_group_spread")
        #expect(GroupSpreadChart().make(try ChartTestData.context("synthetic/monitor_daily_120.csv")).skipReason != nil)
    }
}
