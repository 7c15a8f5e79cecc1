import TormemCore
import TormemData
import TormemPlot

/// `memory_trajectories`: per-relay RSS over time. The top N relays by latest RSS are named lines;
/// with more relays than that, every relay also feeds a p10–p90 band and a median line.
public struct TrajectoriesChart: Chart {
    public init() {}

    public static let defaultSize = Size(width: 2100, height: 1400)

    /// The default size for a legend of `legendEntries` named lines: about four fit on a row, and
    /// every row past the second makes the chart taller by one, so the plot keeps its height
    /// (the top 20 relays and the band take six rows: 2100×1580).
    static func size(legendEntries: Int) -> Size {
        let rows = (legendEntries + 3) / 4
        return Size(width: defaultSize.width, height: defaultSize.height + 45 * Double(max(0, rows - 2)))
    }

    public static func make(_ table: RelayTable, options: RelayChartOptions, style: ChartStyle, events: EventLog? = nil) -> Figure {
        let theme = style.theme
        let metric = table.metric
        let ranked = table.relays.filter { $0.latestValue != nil }
            .sorted { ($0.latestValue!, $1.info.displayName) > ($1.latestValue!, $0.info.displayName) }
        let top = Array(ranked.prefix(max(1, options.topN)))
        let start = Double(table.start ?? 0), end = Double(table.end ?? 0)
        var layers: [Layer] = []
        var legend: [LegendEntry] = []
        var maxV = top.flatMap(\.values).max() ?? 0
        let banded = table.count > top.count
        // With many samples per pixel the named lines turn into a thicket: draw them lighter and the
        // median on top, so the spread stays readable.
        let dense = (top.map(\.count).max() ?? 0) > 600
        var medianLayer: Layer?
        if banded {
            let band = PercentileBand(table)
            let gaps = GapBreaks(times: band.times), xs = gaps.xs
            layers.append(.band(BandLayer(xs: xs, lower: gaps.ys(band.p10.map(metric.shown)),
                                          upper: gaps.ys(band.p90.map(metric.shown)),
                                          color: theme.mutedText.withAlpha(dense ? 0.32 : 0.22))))
            medianLayer = .line(LineLayer(xs: xs, ys: gaps.ys(band.median.map(metric.shown)), color: theme.text.withAlpha(0.9),
                                          width: dense ? 3 : 2, dash: [8, 5]))
            legend.append(LegendEntry("all \(table.count) relays: p10–p90", color: theme.mutedText.withAlpha(0.4), swatch: .band))
            legend.append(LegendEntry("median", color: theme.text.withAlpha(0.85), swatch: .dashed))
            maxV = max(maxV, band.p90.filter { !$0.isNaN }.max() ?? 0)
        }
        // Draw the highest relay last so it stays on top.
        let steps = GapBreaks.collectionSteps(table)
        for (i, r) in top.enumerated().reversed() {
            let gaps = GapBreaks(times: r.times, median: steps[r.info.server])
            layers.append(.line(LineLayer(xs: gaps.xs, ys: gaps.ys(r.values.map(metric.shown)),
                                          color: dense ? theme.distinct(i).withAlpha(0.55) : theme.distinct(i),
                                          width: dense ? 1.2 : 2, dash: Theme.dash(series: i, of: top.count), markers: r.count <= 60)))
        }
        if let m = medianLayer { layers.append(m) }
        for (i, r) in top.enumerated() {
            legend.append(LegendEntry("\(r.info.displayName) (\(ChartText.value(metric.shown(r.latestValue!), metric)))", color: theme.distinct(i)))
        }
        let panel = PlotPanel(title: banded ? "Top \(top.count) relays by latest \(metric.shortName), and the spread of all \(table.count)"
                                        : "\(metric.shortName) per relay",
                          x: .time(start: start, end: end), y: YAxis(label: ChartText.unit(metric), lo: 0, hi: metric.shown(maxV) * 1.1),
                          layers: layers, legend: legend, events: EventMarkers.markers(events, start: start, end: end))
        let servers = Set(table.relays.map(\.info.server)).sorted().joined(separator: ", ")
        return Figure(size: style.size(default: Self.size(legendEntries: legend.count)), theme: theme,
                      title: (style.title ?? servers) + (metric == .rss ? " · relay memory trajectories" : " · relay \(metric.shortName) trajectories"),
                      subtitle: subtitle(table),
                      panels: [.plot(panel)], footnote: style.sourceNote)
    }

    public static func subtitle(_ table: RelayTable) -> String {
        let times = [table.start, table.end].compactMap { $0 }
        let daily = ChartText.allAtMidnight(times)
        let period = times.count == 2 ? ChartText.when(times[0], dailyOnly: daily) + " → " + ChartText.when(times[1], dailyOnly: daily) : ""
        let samples = table.relays.reduce(0) { $0 + $1.count }
        return "\(period) · \(ChartText.plural(table.count, "relay")) · \(ChartText.plural(samples, "sample"))"
    }
}

extension TrajectoriesChart {
    public func fileStem(prefix: String) -> String { "\(prefix)_trajectories" }

    public var summary: String { "every relay over time, the top N named" }

    public func make(_ context: ChartContext) -> ChartOutcome {
        context.withRelaySeries { table in
            let top = context.options.topN
            return .drawn(Self.make(table, options: context.options, style: context.style, events: context.inputs.timeline),
                          description: AltText.join("\(table.metric.shortName) of each relay over time: the top \(min(top, table.count)) by latest \(table.metric.shortName)" +
                              (table.count > top ? ", and the p10–p90 band and median of all \(table.count)" : ""), AltText.highest(context.inputs.latest)))
        }
    }
}
