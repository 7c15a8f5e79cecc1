import Testing
import TormemCore
import TormemData
import TormemPlot
import TormemTestSupport
@testable import TormemCharts

@Suite struct GroupMeansChartTests {
    @Test(arguments: [ChartStyle(), ChartStyle(theme: .light, width: 900, height: 600)])
    func layoutOnRealAndSyntheticData(style: ChartStyle) throws {
        for (a, labels) in [try ChartTestData.realAnalysis(), try ChartTestData.experimentAnalysis()] {
            checkLayout(GroupMeansChart.make(a, labels: labels, options: RelayChartOptions(), style: style))
        }
    }

    @Test func theLegendShowsEachGroupsDash() throws {
        let (a, labels) = try ChartTestData.realAnalysis()
        #expect(a.groups.count > 4)                                  // dashes tell apart more than four groups
        let figure = GroupMeansChart.make(a, labels: labels, options: RelayChartOptions(), style: ChartStyle())
        guard case .plot(let panel) = figure.panels[0] else { Issue.record("not a plot"); return }
        let lines = panel.layers.compactMap { layer -> LineLayer? in if case .line(let l) = layer { return l } else { return nil } }
        let entries = panel.legend.filter { $0.swatch == .line }
        #expect(lines.count == a.groups.count && entries.count == a.groups.count)
        #expect(entries.map(\.dash) == lines.map(\.dash))
        #expect(Set(entries.map(\.dash)).count > 1)
    }

    @Test func twoHundredRelaysInFourGroups() {
        let a = GroupAnalysis(DailyTable.from(ChartTestData.manyRelays(200, points: 2000)), control: "A")
        checkLayout(GroupMeansChart.make(a, labels: GroupLabels(), options: RelayChartOptions(), style: ChartStyle()))
    }

    @Test func eventsSitAtTheirDayInEachGroupTheyConcern() {
        let day: Int64 = 86_400, t0: Int64 = 1_767_225_600
        let starts = ["A_x": t0, "B_y": t0, "D_z": t0 + 4 * day]
        let log = ChartTestData.events([(t0 + 3 * day, "restart", "full fleet restart", "all"),
                                        (t0 + 4 * day + day / 2, "config_change", "enabled", "D"),
                                        (t0 + 6 * day, "config_change", "B only", "B_y")])
        let markers = GroupMeansChart.groupEvents(log, starts: starts, lo: 0, hi: 9)
        // The restart at day 3 of A and B (D had not started: day −1 is off the axis); D's event at its own day 0.5.
        #expect(markers.map(\.x) == [3, 0.5, 6])
        #expect(markers.map(\.label) == ["full fleet restart", "group D: enabled", "group B_y: B only"])
        // Chart 3 draws the events of its two groups only.
        #expect(GroupMeansChart.groupEvents(log, starts: starts.filter { $0.key != "B_y" }, lo: 0, hi: 9).map(\.x) == [3, 0.5])
    }

    /// Groups that start days apart: an event of all groups is drawn once, at its day since the
    /// earliest start (not once per start, at different days), and the axis says so.
    @Test func anEventOfAllGroupsIsDrawnOnceWhenGroupsStartApart() {
        let day: Int64 = 86_400, t0: Int64 = 1_772_409_600             // 2026-03-02
        let starts = ["A_x": t0, "H_y": t0 + 3 * day]
        let log = ChartTestData.events([(t0 + 4 * day, "note", "kernel update", "all"),
                                        (t0 + 3 * day + day / 2, "config_change", "tcmalloc", "H_y")])
        let markers = GroupMeansChart.groupEvents(log, starts: starts, lo: 0, hi: 9)
        #expect(markers.map(\.x) == [4, 0.5])
        #expect(markers.map(\.label) == ["kernel update", "group H_y: tcmalloc"])
        var table = DailyTable(days: [0, 1], relays: [], values: [])
        table.groupStarts = starts
        #expect(GroupMeansChart.axisLabel(table, events: log, lo: 0, hi: 9)
                == "days since each group's start (groups aligned) · events of all groups: days since 2026-03-02")
        #expect(GroupMeansChart.axisLabel(table, events: nil, lo: 0, hi: 9) == "days since each group's start (groups aligned)")
    }

    @Test(arguments: [ChartStyle(), ChartStyle(theme: .light), ChartStyle(width: 1000, height: 619)])
    func allocatorGroupsStayReadable(style: ChartStyle) throws {
        let context = try ChartTestData.contextWithSideFiles("shapes-allocators/memory.csv", style: style)
        guard case .drawn(let fig, _) = GroupMeansChart().make(context) else { Issue.record("not drawn"); return }
        let audit = LayoutAudit(fig)
        #expect(audit.problems.isEmpty, "\(audit.problems)")
        #expect(audit.canvas.strings.contains { $0.hasPrefix("C_tcmalloc215_historical (n = 20") })
        // Every event once: the start of all groups at day 0 of the groups of 2 March, not again
        // at day −3 of group H (off the axis) or, like the end, at day 6.75 of H.
        guard case .plot(let panel) = fig.panels[0] else { Issue.record("not a plot"); return }
        let labels = panel.events.map(\.label)
        #expect(Set(labels).count == labels.count, "\(labels)")
        #expect(panel.events.first { $0.label == "allocator comparison started" }?.x == 0)
        #expect(!panel.events.contains { $0.label == "end of the measurement" })
        #expect(eventLineXs(fig).count == panel.events.count)
    }

    @Test func skipReasons() throws {
        let monitor = try ChartTestData.context("synthetic/monitor_daily_120.csv")
        #expect(GroupMeansChart().make(monitor).skipReason
                == "no per-relay data with groups (needs experiment data, or unified relay rows with a group column, groups/*.txt or relay_config.csv)")
        let empty = try ChartTestData.context("bad/experiment_all_empty.csv")
        #expect(GroupMeansChart().make(empty).skipReason == "no group has any value (every cell is empty)")
    }
}
