import TormemCore
import TormemData
import TormemPlot

/// `memory_outliers`: every relay as a faint line, the relays whose latest RSS exceeds the threshold
/// highlighted and named, with the threshold and the mean marked.
public struct OutliersChart: Chart {
    public init() {}

    public static let defaultSize = Size(width: 2100, height: 1300)

    /// Nil when no relay is above the threshold (the chart is skipped).
    public static func make(_ table: RelayTable, stats: RelayStatistics, options: RelayChartOptions, style: ChartStyle,
                            events: EventLog? = nil) -> Figure? {
        let outliers = stats.outliers(fixed: options.outlierThresholdGB)
        guard !outliers.isEmpty else { return nil }
        let theme = style.theme
        let metric = stats.metric
        let threshold = stats.threshold(fixed: options.outlierThresholdGB)
        let ids = Set(outliers.map(\.info))
        var layers: [Layer] = []
        var maxV = 0.0
        // Faint enough that hundreds of relays show their density rather than a solid mass.
        let steps = GapBreaks.collectionSteps(table)
        let faint = theme.mutedText.withAlpha(max(0.06, min(0.3, 8 / Double(max(1, table.count)))))
        let highlight = [theme.warning] + theme.palette.filter { $0 != theme.warning } + (0..<8).map { theme.distinct(theme.palette.count + $0) }
        for r in table.relays where !ids.contains(r.info) {
            layers.append(.line(line(r, color: faint, width: 1, step: steps[r.info.server])))
            maxV = max(maxV, r.values.max() ?? 0)
        }
        var callouts: [Callout] = []
        var legend: [LegendEntry] = [LegendEntry("other relays", color: theme.mutedText.withAlpha(0.5))]
        let shown = outliers.prefix(12)
        for (i, o) in shown.enumerated() {
            guard let r = table.relays.first(where: { $0.info == o.info }), let t = r.latestTime else { continue }
            let color = highlight[i % highlight.count]
            layers.append(.line(line(r, color: color, width: 2.5, step: steps[r.info.server])))
            callouts.append(Callout(x: Double(t), y: o.gb, lines: ["\(o.info.displayName) \(ChartText.value(o.gb, stats.metric))"],
                                    color: color, side: .above))
            legend.append(LegendEntry("\(o.info.displayName) (\(ChartText.value(o.gb, stats.metric)))", color: color))
            maxV = max(maxV, r.values.max() ?? 0)
        }
        let rule = options.outlierThresholdGB == nil ? "mean + 2σ" : "--outlier-threshold"
        let refs = [ReferenceLine(y: threshold, label: "threshold \(ChartText.value(threshold, stats.metric)) (\(rule))", color: theme.warning),
                    ReferenceLine(y: stats.mean, label: "mean \(ChartText.value(stats.mean, stats.metric))", color: theme.cool)]
        let more = outliers.count > shown.count ? " (\(shown.count) named)" : ""
        let start = Double(table.start ?? 0), end = Double(table.end ?? 0)
        let panel = PlotPanel(title: "\(outliers.count) of \(stats.ranked.count) relays above the threshold\(more)",
                          x: .time(start: start, end: end),
                          y: YAxis(label: ChartText.unit(metric), lo: 0, hi: max(metric.shown(maxV), threshold) * 1.18),
                          layers: layers, callouts: callouts, references: refs, legend: legend,
                          events: EventMarkers.markers(events, start: start, end: end))
        let servers = Set(table.relays.map(\.info.server)).sorted().joined(separator: ", ")
        return Figure(size: style.size(default: defaultSize), theme: theme,
                      title: (style.title ?? servers) + (metric == .rss ? " · memory outliers" : " · \(metric.shortName) outliers"),
                      subtitle: TrajectoriesChart.subtitle(table) + " · latest \(metric.shortName) above \(ChartText.value(threshold, stats.metric))",
                      panels: [.plot(panel)], footnote: style.sourceNote)
    }

    /// A relay's analysed quantity in its shown unit (GB), broken where its samples have a hole (`step`: its server's collection interval).
    static func line(_ r: RelaySeries, color: Color, width: Double, step: Double?) -> LineLayer {
        let gaps = GapBreaks(times: r.times, median: step)
        return LineLayer(xs: gaps.xs, ys: gaps.ys(r.values.map(r.metric.shown)), color: color, width: width)
    }
}

extension OutliersChart {
    public func fileStem(prefix: String) -> String { "\(prefix)_outliers" }

    public var summary: String { "relays above mean + 2σ (or a threshold)" }

    public func make(_ context: ChartContext) -> ChartOutcome {
        context.withRelaySeries { table in
            let stats = context.inputs.latest
            guard let figure = Self.make(table, stats: stats, options: context.options, style: context.style,
                                         events: context.inputs.timeline) else {
                let threshold = stats.threshold(fixed: context.options.outlierThresholdGB)
                return .skipped(reason: "no relay above the threshold of \(stats.metric.text(threshold))")
            }
            return .drawn(figure, description: AltText.join("Relays whose latest \(stats.metric.shortName) is above the outlier threshold, highlighted among all relays",
                                                           AltText.outliers(stats, fixed: context.options.outlierThresholdGB)))
        }
    }
}
