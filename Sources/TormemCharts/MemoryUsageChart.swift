import TormemCore
import TormemData
import TormemPlot

/// `memory_usage`: total memory over time (area + line, low and high labelled, lasting relay-count
/// changes marked) above the per-relay average with its min–max band, and, when the relay count
/// changes, the count as a step line in a thin strip below.
public struct MemoryUsageChart: Chart {
    public init() {}

    public static let defaultSize = Size(width: 2100, height: 1500)

    public static func make(_ data: AggregateDataset, style: ChartStyle, events log: EventLog? = nil) -> Figure {
        let theme = style.theme
        let c = data.combined
        let xs = c.times.map(Double.init)
        let gbTotal = c.totalKB.map { $0 / Memory.kibPerGB }
        let start = xs.first ?? 0, end = xs.last ?? 0
        let gaps = GapBreaks(times: c.times), gapXs = gaps.xs
        let events = EventMarkers.markers(log, start: start, end: end)
        let daily = ChartText.allAtMidnight(c.times)

        // Top panel: total.
        var layers: [Layer] = [.area(AreaLayer(xs: gapXs, ys: gaps.ys(gbTotal), color: theme.accent.withAlpha(0.16)))]
        var legend: [LegendEntry] = []
        let multi = data.servers.count > 1
        if multi {
            for (i, s) in data.servers.enumerated() {
                let color = theme.series(i)
                let serverGaps = GapBreaks(times: s.times)
                layers.append(.line(LineLayer(xs: serverGaps.xs, ys: serverGaps.ys(s.totalKB.map { $0 / Memory.kibPerGB }),
                                              color: color, width: 2, dash: Theme.dash(series: i, of: data.servers.count), markers: true)))
                legend.append(LegendEntry("\(s.server) (latest \(ChartText.gb(Memory(kib: s.totalKB.last ?? .nan))))", color: color))
            }
        }
        layers.append(.line(LineLayer(xs: gapXs, ys: gaps.ys(gbTotal), color: theme.accent, width: 3, markers: true)))
        legend.insert(LegendEntry((multi ? "All servers" : "Total") + " (latest \(ChartText.gb(Memory(kib: c.totalKB.last ?? .nan))))",
                                  color: theme.accent), at: 0)

        var callouts: [Callout] = []
        let valid = c.totalKB.indices.filter { !c.totalKB[$0].isNaN }
        if let hi = valid.max(by: { c.totalKB[$0] < c.totalKB[$1] }),
           let lo = valid.min(by: { c.totalKB[$0] < c.totalKB[$1] }) {
            callouts.append(Callout(x: xs[hi], y: gbTotal[hi], lines: ["High " + ChartText.gb(Memory(kib: c.totalKB[hi])),
                                                                         ChartText.when(c.times[hi], dailyOnly: daily)],
                                    color: theme.warning, side: .above))
            if lo != hi {
                callouts.append(Callout(x: xs[lo], y: gbTotal[lo], lines: ["Low " + ChartText.gb(Memory(kib: c.totalKB[lo])),
                                                                             ChartText.when(c.times[lo], dailyOnly: daily)],
                                        color: theme.cool, side: .above))
            }
        }
        let changes = RelayCountChange.lasting(c).map { CountChangeMarker(x: Double($0.time), from: $0.from, to: $0.to, unit: "relays") }
        let serverMax = data.servers.flatMap(\.totalKB).filter { !$0.isNaN }.max() ?? 0
        let topMax = max(gbTotal.filter { !$0.isNaN }.max() ?? 0, serverMax / Memory.kibPerGB)
        let total = PlotPanel(title: "Total memory", x: .time(start: start, end: end),
                          y: YAxis(label: "GB", lo: 0, hi: topMax * 1.12),
                          layers: layers, countChanges: changes, callouts: callouts, legend: legend, events: events)

        // Bottom panel: per relay.
        let avg = c.avgKB.map { $0 / Memory.kibPerGB }, mn = c.minKB.map { $0 / Memory.kibPerGB }, mx = c.maxKB.map { $0 / Memory.kibPerGB }
        let band = theme.series(0)
        var relayLayers: [Layer] = []
        var relayLegend: [LegendEntry] = []
        let hasRange = mn.contains { !$0.isNaN } && mx.contains { !$0.isNaN }
        if hasRange {
            relayLayers.append(.band(BandLayer(xs: gapXs, lower: gaps.ys(mn), upper: gaps.ys(mx), color: band.withAlpha(0.2))))
            relayLayers.append(.line(LineLayer(xs: gapXs, ys: gaps.ys(mx), color: theme.warning.withAlpha(0.8), width: 1.5, dash: [7, 5])))
            relayLayers.append(.line(LineLayer(xs: gapXs, ys: gaps.ys(mn), color: theme.cool.withAlpha(0.8), width: 1.5, dash: [7, 5])))
        }
        relayLayers.append(.line(LineLayer(xs: gapXs, ys: gaps.ys(avg), color: theme.accent, width: 3, markers: true)))
        func latest(_ v: [Double]) -> String { ChartText.gb(Memory(gb: v.last(where: { !$0.isNaN }) ?? .nan)) }
        if hasRange {
            relayLegend = [LegendEntry("max (latest \(latest(mx)))", color: theme.warning, swatch: .dashed),
                           LegendEntry("avg (latest \(latest(avg)))", color: theme.accent),
                           LegendEntry("min (latest \(latest(mn)))", color: theme.cool, swatch: .dashed),
                           LegendEntry("min–max range", color: band.withAlpha(0.35), swatch: .band)]
        } else {
            relayLegend = [LegendEntry("avg (latest \(latest(avg)))", color: theme.accent)]
        }
        let relayMax = (hasRange ? mx : avg).filter { !$0.isNaN }.max() ?? 0
        let perRelay = PlotPanel(title: "Memory per relay", x: .time(start: start, end: end),
                             y: YAxis(label: "GB per relay", lo: 0, hi: max(relayMax, avg.filter { !$0.isNaN }.max() ?? 0) * 1.08),
                             layers: relayLayers, countChanges: changes, legend: relayLegend, events: events)

        let name = style.title ?? ChartText.defaultTitle(data)
        var sub = [ChartText.period(c), ChartText.plural(c.count, "sample")]
        if let r = ChartText.relayRange(c) { sub.append(r) }
        if multi { sub.append(ChartText.plural(data.servers.count, "server")) }
        var panels: [FigurePanel] = [.plot(total), .plot(perRelay)], weights = [1.15, 1]
        if let strip = RelayCountStrip.panel(c, theme: theme, start: start, end: end) {
            panels.append(.plot(strip)); weights.append(RelayCountStrip.weight)
        }
        return Figure(size: style.size(default: defaultSize), theme: theme, title: "\(name) · Tor relay memory",
                      subtitle: sub.joined(separator: " · "), panels: panels, panelWeights: weights,
                      footnote: footnote(style))
    }

    static func footnote(_ style: ChartStyle) -> String {
        (style.source.map { "Data: \($0) · " } ?? "") + "1 GB = 1024 MiB · tormem"
    }
}

extension MemoryUsageChart {
    public func fileStem(prefix: String) -> String { "\(prefix)_usage" }

    public var summary: String { "total and per-relay memory over time" }

    public func make(_ context: ChartContext) -> ChartOutcome {
        context.withAggregate { data in
            .drawn(Self.make(data, style: context.style, events: context.inputs.timeline),
                   description: AltText.join("Total memory of all relays over time, and memory per relay (average with min–max range)", AltText.usage(data)))
        }
    }
}
