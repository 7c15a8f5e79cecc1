import TormemData
import TormemPlot
// TEMPORARY placeholder (not committed): the helper writes the real chart.
public enum CompareEffectsChart {
    public static let fileStem = "compare_effects"
    public static let defaultSize = Size(width: 2100, height: 1200)
    public static func make(_ c: ExperimentComparison, style: ChartStyle) -> Figure {
        let rows = c.configurations.flatMap { cfg in cfg.entries.map { e in
            RankingPanel.Row(label: cfg.name + " " + c.experiments[e.experiment].name, value: abs(e.vsControl?.percent ?? 0), color: style.theme.accent, text: GroupText.percent(e.vsControl?.percent ?? 0)) } }
        return Figure(size: style.size(default: defaultSize), theme: style.theme, title: "Effects", panels: [.ranking(RankingPanel(rows: rows, axisLabel: "%"))])
    }
    public static func description(_ c: ExperimentComparison) -> String { "Effects" }
}
