import TormemCore
import TormemData
import TormemPlot

/// `chart1_memory_over_time`: each group's mean RSS per day, one line per group, with the
/// fragmentation zone shaded and the expected maximum marked.
public struct GroupMeansChart: Chart {
    public init() {}

    public static let defaultSize = Size(width: 2100, height: 1300)

    public static func make(_ a: GroupAnalysis, labels: GroupLabels, options: RelayChartOptions, style: ChartStyle) -> Figure {
        let theme = style.theme
        let days = a.table.days.map(Double.init)
        let lo = days.first ?? 0, hi = max(days.last ?? 1, lo + 1)
        let maxMean = a.groups.flatMap(\.dailyMeans).filter { !$0.isNaN }.max() ?? 1
        let top = max(maxMean, options.zoneGB, options.expectedMaxGB) * 1.15
        var layers: [Layer] = [
            .band(BandLayer(xs: [lo, hi], lower: [options.zoneGB, options.zoneGB], upper: [top * 2, top * 2],
                            color: theme.warning.withAlpha(0.10))),
        ]
        var legend: [LegendEntry] = []
        for (i, g) in a.groups.enumerated() {
            let color = theme.series(i)
            layers.append(.line(LineLayer(xs: days, ys: g.dailyMeans, color: color, width: 3, markers: true)))
            let end = g.endMean.isNaN ? "" : " (\(ChartText.gbValue(g.endMean)))"
            legend.append(LegendEntry(labels.titled(g.group) + end, color: color))
        }
        legend.append(LegendEntry("fragmentation zone", color: theme.warning.withAlpha(0.3), swatch: .band))
        let refs = [
            ReferenceLine(y: options.zoneGB, label: "fragmentation zone ≥ \(NumberFormat.fixed(options.zoneGB, decimals: options.zoneGB.rounded() == options.zoneGB ? 0 : 1)) GB",
                          color: theme.warning),
            ReferenceLine(y: options.expectedMaxGB, label: "expected max \(ChartText.gbValue(options.expectedMaxGB))",
                          color: theme.cool),
        ]
        let axis = a.table.firstDate.map { "days since the first sample (\($0))" } ?? "days since the configuration change"
        let panel = PlotPanel(title: "Mean RSS per group", x: .linear(lo: lo, hi: hi, label: axis),
                          y: YAxis(label: "GB per relay (group mean)", lo: 0, hi: top),
                          layers: layers, references: refs, legend: legend)
        let relays = a.table.relays.count
        return Figure(size: style.size(default: defaultSize), theme: theme,
                      title: (style.title.map { $0 + " · " } ?? "") + "Memory over time by group",
                      subtitle: "\(a.groups.count) groups · \(ChartText.plural(relays, "relay")) · days \(Int(lo))–\(Int(days.last ?? lo))",
                      panels: [.plot(panel)], footnote: style.sourceNote)
    }
}

extension GroupMeansChart {
    public func fileStem(prefix: String) -> String { "chart1_memory_over_time" }

    public var summary: String { "mean RSS per group per day" }

    public func make(_ context: ChartContext) -> ChartOutcome {
        context.withGroups { a in
            .drawn(Self.make(a, labels: context.inputs.labels, options: context.options, style: context.style),
                   description: "Mean RSS per group per day, with the fragmentation zone and the expected maximum")
        }
    }
}
