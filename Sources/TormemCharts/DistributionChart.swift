import TormemCore
import TormemData
import TormemPlot

/// `memory_distribution`: a histogram of the relays' latest RSS with the mean marked, above a
/// ranking of the top 10 and bottom 5 relays.
public struct DistributionChart: Chart {
    public init() {}

    public static let defaultSize = Size(width: 2100, height: 1500)

    public static func make(_ stats: RelayStatistics, subject: String, subtitle: String, style: ChartStyle) -> Figure {
        let theme = style.theme
        let (edges, counts) = stats.histogram()
        let m = stats.metric, unit = ChartText.unit(m)
        let hist = PlotPanel(title: "Latest \(m.shortName) per relay", x: .linear(lo: edges.first ?? 0, hi: edges.last ?? 1, label: "\(unit) (latest \(m.shortName))"),
                         y: YAxis(label: "relays", lo: 0, hi: Double(counts.max() ?? 1)),
                         layers: [.histogram(HistogramLayer(edges: edges, counts: counts.map(Double.init), color: theme.accent))],
                         references: [ReferenceLine(x: stats.mean, label: "mean \(ChartText.value(stats.mean, stats.metric))", color: theme.warning)],
                         legend: [LegendEntry("relays per \(NumberFormat.fixed(edges.count > 1 ? edges[1] - edges[0] : 1, decimals: 2))\(m.isMemory ? " GB" : "×") bin",
                                              color: theme.accent, swatch: .bar)])
        let n = stats.ranked.count
        var rows: [RankingPanel.Row] = []
        let topCount = n <= 15 ? n : 10
        for (i, e) in stats.ranked.prefix(topCount).enumerated() {
            rows.append(RankingPanel.Row(label: "#\(i + 1) \(e.info.displayName)", value: e.gb,
                                         color: (e.gb > stats.mean ? theme.warning : theme.cool).withAlpha(0.85),
                                         text: ChartText.value(e.gb, stats.metric)))
        }
        if n > 15 {
            for (k, e) in stats.ranked.suffix(5).enumerated() {
                rows.append(RankingPanel.Row(label: "#\(n - 4 + k) \(e.info.displayName)", value: e.gb, color: theme.cool.withAlpha(0.85),
                                             text: ChartText.value(e.gb, stats.metric), gapBefore: k == 0))
            }
        }
        let title = n <= 15 ? "All \(n) relays by latest \(m.shortName)" : "Top 10 and bottom 5 of \(n) relays by latest \(m.shortName)"
        let ranking = RankingPanel(title: title, rows: rows, axisLabel: unit,
                                   references: [ReferenceLine(x: stats.mean, label: "mean", color: theme.warning)])
        // Fifteen rows (top 10, bottom 5) get a taller chart, so that neither the histogram nor
        // the rows' text shrink (≥ 10.5 px when GitHub shows the chart 880 px wide).
        let size = style.size(default: rows.count > 13 ? Size(width: defaultSize.width, height: 1750) : defaultSize)
        return Figure(size: size, theme: theme,
                      title: subject + (m == .rss ? " · relay memory distribution" : " · relay \(m.shortName) distribution"),
                      subtitle: subtitle + " · mean \(ChartText.value(stats.mean, stats.metric)) · σ \(ChartText.value(stats.standardDeviation, stats.metric))",
                      panels: [.plot(hist), .ranking(ranking)],
                      // The ranking gets the room its rows need to be as legible as the rest.
                      panelWeights: [1, min(2.2, max(1.1, Double(rows.count) / 7))],
                      footnote: style.sourceNote)
    }
}

extension DistributionChart {
    public func fileStem(prefix: String) -> String { "\(prefix)_distribution" }

    public var summary: String { "histogram of the latest RSS per relay" }

    public func make(_ context: ChartContext) -> ChartOutcome {
        let style = context.style
        if !context.inputs.relays.isEmpty {
            let table = context.inputs.relays
            return .drawn(Self.make(context.inputs.latest, subject: context.relaySubject,
                                    subtitle: TrajectoriesChart.subtitle(table), style: style),
                          description: AltText.join("Histogram of the latest \(context.inputs.latest.metric.shortName) per relay, with the top and bottom relays", AltText.distribution(context.inputs.latest)))
        }
        guard let snap = context.inputs.snapshot else {
            return .skipped(reason: context.relayChartsUnsupported ?? "")
        }
        let metric = context.inputs.metric
        var stats = RelayStatistics(snap.relays.map { RelayStatistics.Entry(info: RelayInfo(nickname: $0.name), gb: $0.value(of: metric)) })
        stats.metric = metric
        guard !stats.ranked.isEmpty else { return .skipped(reason: "no relay was running in the snapshot") }
        return .drawn(Self.make(stats, subject: style.title ?? snap.host ?? "snapshot",
                                subtitle: SnapshotRankingChart.subtitle(snap), style: style),
                      description: AltText.join("Histogram of \(metric.shortName) per relay at the snapshot, with the top and bottom relays", AltText.distribution(stats)))
    }
}
