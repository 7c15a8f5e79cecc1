import TormemCore
import TormemData
import TormemPlot

/// `chart2_final_comparison`: each group's end mean as a horizontal bar, lowest first, labelled with
/// its n, its difference against the control with the 95 % interval, its growth where it is
/// GROWING, and its status; the control marked; the baseline only when the data has one. A group
/// whose relays restarted in its window has ticks at its time-weighted window mean (solid) and its
/// mean peak before a restart (dashed), both also written in its row.
public struct FinalComparisonChart: Chart {
    public init() {}

    public static let defaultSize = Size(width: 2100, height: 1200)

    public static func make(_ a: GroupAnalysis, labels: GroupLabels, style: ChartStyle, restarts: [GroupRestarts] = []) -> Figure {
        let theme = style.theme
        func color(_ s: FragmentationStatus) -> Color {
            switch s {
            case .fragmented: return theme.warning
            case .growing: return theme.cool
            case .stable: return theme.accent
            }
        }
        let rows = a.byFinalMean.map { g -> RankingPanel.Row in
            var detail = [GroupText.n(g)]
            var marks: [RankingPanel.Mark] = []
            // A restarting group's fair numbers come right after n, so a cut row keeps them.
            if let r = restarts.first(where: { $0.group == g.group && $0.isSawtooth }) {
                if let m = r.windowMeanGB { detail.append("window mean \(ChartText.value(m, a.metric))"); marks.append(.init(value: m)) }
                if let p = r.meanPeakBeforeRestartGB { detail.append("peak \(ChartText.value(p, a.metric))"); marks.append(.init(value: p, dashed: true)) }
            }
            if g.group == a.control {
                detail.append("control")
            } else if let c = g.vsControl {
                detail.append(GroupText.vsControl(c))
            }
            if g.status == .growing, let growth = g.growthPerDay { detail.append(GroupText.growth(growth, a.metric)) }
            detail.append(g.status.rawValue)
            return RankingPanel.Row(label: labels.titled(g.group) + (g.group == a.control ? " ◆" : ""), value: g.endMean,
                                    color: color(g.status), text: ChartText.value(g.endMean, a.metric), detail: detail.joined(separator: " · "),
                                    marks: marks)
        }
        var refs: [ReferenceLine] = []
        var legend = [LegendEntry("STABLE", color: theme.accent, swatch: .bar),
                      LegendEntry("GROWING", color: theme.cool, swatch: .bar)]
        // A ratio is never FRAGMENTED (the rule's zone and factor are for memory).
        if a.metric.isMemory { legend.append(LegendEntry("FRAGMENTED", color: theme.warning, swatch: .bar)) }
        if rows.contains(where: { !$0.marks.isEmpty }) {
            legend.append(LegendEntry("restarting group: time-weighted window mean", color: theme.text))
            legend.append(LegendEntry("mean peak before a restart", color: theme.text, dash: [5, 3]))
        }
        if !a.baseline.isNaN {
            refs.append(ReferenceLine(x: a.baseline, label: "baseline \(ChartText.value(a.baseline, a.metric))", color: theme.mutedText))
            legend.append(LegendEntry("baseline: mean before the change", color: theme.mutedText, swatch: .dashed))
        }
        let axisLabel = ChartText.unit(a.metric) + " per relay (group mean on its last day"
            + (a.control == nil ? ")" : "; vs control at the latest day both have data, 95 % interval)")
        let panel = RankingPanel(title: "End mean \(a.metric.name) per group" + (a.control == nil ? "" : " (◆ control)"), rows: rows,
                                 axisLabel: axisLabel,
                                 references: refs, legend: legend, note: a.rule.text)
        return Figure(size: style.size(default: defaultSize), theme: theme,
                      title: (style.title.map { $0 + " · " } ?? "") + "Final comparison",
                      subtitle: GroupText.groupsAndRelays(a) + " · sorted by end mean"
                          + (a.control.map { " · control " + labels.titled($0) } ?? " · no control group"),
                      panels: [.ranking(panel)], footnote: style.sourceNote)
    }
}

extension FinalComparisonChart {
    public func fileStem(prefix: String) -> String { GroupMeansChart.groupStem("chart2_final_comparison", prefix: prefix) }

    public var summary: String { "end mean per group against the control, status" }

    public func make(_ context: ChartContext) -> ChartOutcome {
        context.withGroups { a in
            .drawn(Self.make(a, labels: context.inputs.labels, style: context.style, restarts: context.inputs.restarts),
                   description: AltText.join("End mean \(a.metric.name) per group with n, the difference against the control with its 95 % interval, and each group's status", AltText.comparison(a, context.inputs.labels)))
        }
    }
}
