import TormemCore
import TormemData
import TormemPlot

/// `compare_end_means`: the absolute end means of the same configurations across experiments, as
/// horizontal bars: first each experiment's control, then a section per configuration with a row
/// per experiment, a dashed tick at that experiment's own control and its value written. The
/// controls differ between hosts, which is why absolute GB do not transfer and the effects chart
/// compares each against its own.
public enum CompareEndMeansChart {
    public static let fileStem = "compare_end_means"

    /// The size of a few configurations; `size(for:)` makes it taller for more rows.
    public static let defaultSize = Size(width: 2100, height: 1200)

    /// `defaultSize` made as tall as `c`'s rows need (the controls' and the configurations').
    public static func size(for c: ExperimentComparison) -> Size {
        let rows = c.experiments.count + c.configurations.reduce(0) { $0 + $1.entries.count }
        let headings = 1 + c.configurations.count
        let h = 560 + Double(rows) * 62 + Double(headings) * (62 * 0.8 + 62 * 0.6)
        return Size(width: defaultSize.width, height: max(defaultSize.height * 0.75, h.rounded()))
    }

    public static func make(_ c: ExperimentComparison, style: ChartStyle) -> Figure {
        let theme = style.theme, metric = c.metric
        var rows: [RankingPanel.Row] = c.experiments.indices.map { i in
            let name = c.experiments[i].name
            guard let control = c.controls[i], control.endMean.isFinite else {
                return RankingPanel.Row(label: name, value: 0, color: theme.series(i), text: "no control", detail: "", heading: i == 0 ? "Each experiment's control" : nil)
            }
            return RankingPanel.Row(label: name, value: control.endMean, color: theme.series(i), text: ChartText.value(control.endMean, metric),
                                    detail: [control.title, "n \(control.relays)", window(control)].compactMap { $0 }.joined(separator: " · "),
                                    heading: i == 0 ? "Each experiment's control" : nil)
        }
        for config in c.configurations {
            for (k, e) in config.entries.enumerated() {
                let control = c.controls[e.experiment].flatMap { $0.endMean.isFinite ? $0 : nil }
                let detail = [control.map { "control " + ChartText.value($0.endMean, metric) }, "n \(e.relays)",
                              CompareEffectsChart.sublabel(e, config, c), window(e)]
                rows.append(RankingPanel.Row(label: c.experiments[e.experiment].name, value: e.endMean, color: theme.series(e.experiment),
                                             text: e.endMean.isFinite ? ChartText.value(e.endMean, metric) : "no end mean",
                                             detail: detail.compactMap { $0 }.joined(separator: " · "), gapBefore: k == 0,
                                             marks: control.map { [RankingPanel.Mark(value: $0.endMean, dashed: true, joined: true)] } ?? [],
                                             heading: k == 0 ? config.name : nil))
            }
        }
        var legend = c.experiments.indices.map { LegendEntry(c.experiments[$0].name, color: theme.series($0), swatch: .bar) }
        legend.append(LegendEntry("the experiment's own control", color: theme.text, dash: [5, 3]))
        var panel = RankingPanel(rows: rows, axisLabel: ChartText.unit(metric) + " per relay (the group's mean on its last day)",
                                 legend: legend, note: "Hosts differ (kernel, tor version, load): compare each bar with its own control, not across experiments.")
        panel.cutsLabelsInTheMiddle = true
        return Figure(size: style.size(default: size(for: c)), theme: theme,
                      title: (style.title.map { $0 + " · " } ?? "") + "End mean \(metric.name) per experiment",
                      subtitle: CompareEffectsChart.counts(c) + " · dashed: each experiment's own control",
                      panels: [.ranking(panel)], footnote: style.sourceNote)
    }

    /// `14 days`, nil when unknown.
    static func window(_ e: ExperimentComparison.Entry) -> String? {
        e.windowDays.map { ChartText.plural($0, "day") }
    }

    /// The alt text: the controls' end means, then each configuration's, experiment by experiment.
    public static func description(_ c: ExperimentComparison) -> String {
        let metric = c.metric
        let controls = c.experiments.indices.compactMap { i -> String? in
            c.controls[i].map { c.experiments[i].name + " " + ChartText.value($0.endMean, metric) }
        }
        var parts: [String] = []
        if !controls.isEmpty { parts.append("the controls end at " + controls.joined(separator: ", ")) }
        parts += c.configurations.map { config in
            config.name + " ends at " + config.entries.map { e in
                ChartText.value(e.endMean, metric) + " in " + c.experiments[e.experiment].name
            }.joined(separator: ", ")
        }
        return AltText.join("End mean \(metric.name) per configuration and experiment, each with its own control ("
                                + CompareEffectsChart.counts(c, separator: ", ") + ")", parts.isEmpty ? nil : parts.joined(separator: "; "))
    }
}
