import TormemCore
import TormemData
import TormemPlot

/// `compare_effects`: a forest plot of the same configurations across experiments. A section per
/// configuration, in it a row per experiment that has it: the difference of its mean from its own
/// folder's control in percent (the dot) with its 95 % interval (the line), or why there is no
/// interval or no comparison; a zero line; the numbers on the right. Each experiment keeps its
/// colour throughout. Effects, not absolute GB, are what transfer between hosts.
public enum CompareEffectsChart {
    public static let fileStem = "compare_effects"

    /// The size of a few configurations; `size(for:)` makes it taller for more rows.
    public static let defaultSize = Size(width: 2100, height: 1200)

    /// `defaultSize` made as tall as `c`'s rows need to keep two lines of text each (one line when
    /// every label is short): a dozen configurations get a taller chart, not squeezed rows.
    public static func size(for c: ExperimentComparison) -> Size {
        let rows = c.configurations.reduce(0) { $0 + $1.entries.count }
        let longest = c.configurations.flatMap { config in
            config.entries.map { c.experiments[$0.experiment].name.count + sublabel($0, config, c).count + 3 }
        }.max() ?? 0
        // About 0.6 em a character at the rows' 30-px font in a label column of 30 % of 2100 px.
        let rowH = longest > 34 ? 78.0 : 56.0
        let h = 620 + Double(rows) * rowH + Double(c.configurations.count) * rowH * 0.8
        return Size(width: defaultSize.width, height: max(defaultSize.height * 0.75, h.rounded()))
    }

    public static func make(_ c: ExperimentComparison, style: ChartStyle) -> Figure {
        let theme = style.theme
        let sections = c.configurations.map { config in
            ForestPanel.Section(title: config.name, note: agreement(config, c), rows: config.entries.map { row($0, config, c, theme) })
        }
        let legend = c.experiments.indices.map { LegendEntry(c.experiments[$0].name, color: theme.series($0), swatch: .pointRange) }
        let panel = ForestPanel(sections: sections,
                                axisLabel: "% against the own control: difference of the means at the latest day both have data, 95 % interval",
                                tickSuffix: " %", zeroLabel: "0: no difference from the own control", legend: legend)
        return Figure(size: style.size(default: size(for: c)), theme: theme,
                      title: (style.title.map { $0 + " · " } ?? "") + "Effect against each experiment's own control",
                      subtitle: counts(c) + " · dot: the effect, line: its 95 % interval over relays",
                      panels: [.forest(panel)], footnote: style.sourceNote)
    }

    /// `3 experiments · 4 configurations` (`, ` for `separator` in a sentence).
    static func counts(_ c: ExperimentComparison, separator: String = " · ") -> String {
        ChartText.plural(c.experiments.count, "experiment") + separator + ChartText.plural(c.configurations.count, "configuration")
    }

    /// One experiment's entry: its effect and interval, or the reason it has none.
    static func row(_ e: ExperimentComparison.Entry, _ config: ExperimentComparison.Configuration, _ c: ExperimentComparison,
                    _ theme: Theme) -> ForestPanel.Row {
        let name = c.experiments[e.experiment].name, color = theme.series(e.experiment), sub = sublabel(e, config, c)
        guard let vs = e.vsControl else {
            let why = c.controls[e.experiment] == nil ? "no control in this experiment" : "never on a day with its control"
            return ForestPanel.Row(label: name, sublabel: sub, estimate: nil, color: color, text: "no comparison",
                                   detail: "n \(e.relays) · " + why, note: why)
        }
        let hasInterval = vs.low != nil && vs.high != nil
        return ForestPanel.Row(label: name, sublabel: sub, estimate: vs.percent, low: vs.low, high: vs.high, color: color,
                               text: GroupText.percent(vs.percent), detail: detail(e, vs),
                               note: hasInterval ? nil : (vs.whyNoInterval ?? "no interval"))
    }

    /// The group's title (`B · jemalloc`), or only `group B` when its label is the configuration's
    /// name, which the section's header says.
    static func sublabel(_ e: ExperimentComparison.Entry, _ config: ExperimentComparison.Configuration, _ c: ExperimentComparison) -> String {
        let label = c.experiments[e.experiment].labels.label(e.group)
        return ExperimentComparison.key(label) == ExperimentComparison.key(config.name) && label != e.group ? "group " + e.group : e.title
    }

    /// `(−81 … −63) · n 5 · day 9`.
    static func detail(_ e: ExperimentComparison.Entry, _ vs: GroupStats.Comparison) -> String {
        GroupText.interval(vs) + " · n \(e.relays) · day \(vs.atDay)"
    }

    /// What the intervals say together: the same direction everywhere, or sizes that differ.
    static func agreement(_ config: ExperimentComparison.Configuration, _ c: ExperimentComparison) -> String {
        var parts: [String] = []
        if config.agrees == true, let first = config.entries.first?.vsControl {
            parts.append((first.percent < 0 ? "below" : "above") + " the own control in every experiment")
        }
        if config.intervalsOverlap == false { parts.append("intervals do not overlap: the size differs") }
        if config.entries.count < c.experiments.count {
            parts.append("in \(config.entries.count) of \(c.experiments.count) experiments")
        }
        return parts.joined(separator: " · ")
    }

    /// The alt text: each configuration's effects, experiment by experiment.
    public static func description(_ c: ExperimentComparison) -> String {
        let configs = c.configurations.map { config in
            config.name + " is " + config.entries.map { e -> String in
                let name = c.experiments[e.experiment].name
                guard let vs = e.vsControl else { return "not compared in \(name)" }
                return GroupText.percent(vs.percent) + " " + GroupText.interval(vs) + " in " + name
            }.joined(separator: ", ")
        }
        return AltText.join("Effect of each configuration against each experiment's own control, with 95 % intervals ("
                                + counts(c, separator: ", ") + ")", configs.isEmpty ? nil : configs.joined(separator: "; "))
    }
}
