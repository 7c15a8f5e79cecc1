import TormemCore
import TormemData
import TormemPlot

/// `chart2_final_comparison`: each group's final mean as a horizontal bar, lowest first, with the
/// reduction against the day-0 baseline and the group's status.
public struct FinalComparisonChart: Chart {
    public init() {}

    public static let defaultSize = Size(width: 2100, height: 1200)

    public static func make(_ a: GroupAnalysis, labels: GroupLabels, style: ChartStyle) -> Figure {
        let theme = style.theme
        let rows = a.byFinalMean.map { g -> RankingPanel.Row in
            var detail: [String] = []
            if let p = g.percent(against: a.baseline), p < 0 { detail.append(ChartText.signedPercent(p) + " vs baseline") }
            detail.append(g.status.rawValue)
            if g.group == a.control { detail.append("control") }
            return RankingPanel.Row(label: labels.titled(g.group), value: g.endMean,
                                    color: g.status == .fragmented ? theme.warning : theme.accent,
                                    text: ChartText.gbValue(g.endMean), detail: detail.joined(separator: " · "))
        }
        var refs: [ReferenceLine] = []
        if !a.baseline.isNaN {
            refs.append(ReferenceLine(x: a.baseline, label: "day-\(a.table.days.first ?? 0) baseline \(ChartText.gbValue(a.baseline))",
                                      color: theme.cool))
        }
        let legend = [LegendEntry("STABLE", color: theme.accent, swatch: .bar),
                      LegendEntry("FRAGMENTED (> \(NumberFormat.fixed(a.factor, decimals: 1))× post-change minimum)",
                                  color: theme.warning, swatch: .bar),
                      LegendEntry("baseline: mean of all day-\(a.table.days.first ?? 0) values", color: theme.cool, swatch: .dashed)]
        let lastDay = a.table.days.last ?? 0
        let panel = RankingPanel(title: "Final mean RSS per group (day \(lastDay))", rows: rows,
                                 axisLabel: "GB per relay (group mean, last day with data)", references: refs, legend: legend)
        return Figure(size: style.size(default: defaultSize), theme: theme,
                      title: (style.title.map { $0 + " · " } ?? "") + "Final comparison",
                      subtitle: "\(a.groups.count) groups · sorted by final mean · status rule: ends above \(NumberFormat.fixed(a.factor, decimals: 1))× its post-change minimum",
                      panels: [.ranking(panel)], footnote: style.sourceNote)
    }
}

extension FinalComparisonChart {
    public func fileStem(prefix: String) -> String { "chart2_final_comparison" }

    public var summary: String { "final mean RSS per group, with its status" }

    public func make(_ context: ChartContext) -> ChartOutcome {
        context.withGroups { a in
            .drawn(Self.make(a, labels: context.inputs.labels, style: context.style),
                   description: "Final mean RSS per group against the day-0 baseline, with each group's status")
        }
    }
}
