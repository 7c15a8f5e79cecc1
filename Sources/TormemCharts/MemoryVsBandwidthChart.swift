import TormemCore
import TormemData
import TormemPlot

/// `chart5_memory_vs_bandwidth`: the trade-off at a glance. Every relay as a dot at its bandwidth
/// (Mbit/s written, mean over its group's window) and its end value, in its group's colour (the
/// colours of chart 1); each group's mean larger, with its 95 % intervals on both axes, labelled
/// with its ID, the control ringed; beside the plot each group against the control in words
/// (`B · DirCache 0: −94 % memory, −25 % bandwidth, Guard lost`).
public struct MemoryVsBandwidthChart: Chart {
    public init() {}

    public static let defaultSize = Size(width: 2100, height: 1300)

    /// Why the chart is not drawn for groups without any bandwidth.
    public static let noBandwidth = "no bandwidth in the data: the collector's read_bytes_day/written_bytes_day columns "
        + "or onionoo_bandwidth.json next to the data"

    /// One group's mean as drawn: bandwidth and end value with their 95 % intervals.
    struct Mean: Equatable {
        var group: String
        var mbps: Double, mbpsLow: Double?, mbpsHigh: Double?
        var value: Double, valueLow: Double?, valueHigh: Double?
    }

    /// The 95 % bootstrap interval of the mean of the group's end values, seeded by its name (the
    /// bandwidth's is `GroupTradeoff.bandwidthLow/High`).
    static func valueInterval(_ g: GroupStats) -> (low: Double?, high: Double?) {
        Sample.meanInterval(g.endValues.map(\.gb), resamples: GroupAnalysis.resamples, seed: SplitMix64.seed("memory\u{1}" + g.group))
    }

    /// Each group's mean with a bandwidth and an end value, in the order of `a.groups`.
    static func means(_ a: GroupAnalysis, _ t: TradeoffAnalysis) -> [Mean] {
        a.groups.compactMap { g in
            guard let tr = t.group(g.group), tr.hasBandwidth, tr.bandwidthMbps.isFinite, g.endMean.isFinite else { return nil }
            let (lo, hi) = valueInterval(g)
            return Mean(group: g.group, mbps: tr.bandwidthMbps, mbpsLow: tr.bandwidthLow, mbpsHigh: tr.bandwidthHigh,
                        value: g.endMean, valueLow: lo, valueHigh: hi)
        }
    }

    /// What each group's mean is labelled with on the plot: its ID, or, when IDs are long
    /// (`C_tcmalloc215_historical`), the part before their first `_` where that tells every group
    /// apart (`C`; the key's line starts with the whole ID).
    static func tags(_ groups: [String]) -> [String: String] {
        let short = groups.map { id in id.count > 8 ? String(id.split(separator: "_", omittingEmptySubsequences: false).first ?? Substring(id)) : id }
        let distinct = Set(short).count == groups.count && !short.contains(where: \.isEmpty)
        return Dictionary(uniqueKeysWithValues: zip(groups, distinct ? short : groups))
    }

    /// What the memory phrase calls the analysed quantity: `memory` for RSS, else its short name.
    static func quantity(_ metric: Metric) -> String { metric == .rss ? "memory" : metric.shortName }

    /// A group's trade-off as phrases: against the control (`−94 % memory`, `−25 % bandwidth`,
    /// `Guard lost`: `TradeoffText.short`'s parts, which the report writes), or its own values for
    /// the control and without a control.
    static func phrases(_ g: GroupStats, _ tr: GroupTradeoff?, _ a: GroupAnalysis, control: GroupTradeoff?) -> [String] {
        let own = [g.endMean.isFinite ? ChartText.value(g.endMean, a.metric) : "no end value",
                   tr.map { $0.hasBandwidth ? TradeoffText.mbps($0.bandwidthMbps) : "no bandwidth" } ?? "no bandwidth"]
        if g.group == a.control { return ["control"] + own }
        guard a.control != nil else { return own }
        var out: [String] = []
        out.append(g.vsControl.map { GroupText.percent($0.percent) + " " + quantity(a.metric) } ?? own[0])
        if let vs = tr?.vsControl {
            out.append(GroupText.percent(vs.percent) + " bandwidth")
        } else {
            out.append(own[1] + (tr?.hasBandwidth == true && control?.hasBandwidth != true ? " (control: none)" : ""))
        }
        if let lost = tr.flatMap({ TradeoffText.lost($0.flagsLost) }) { out.append(lost) }
        return out
    }

    public static func make(_ a: GroupAnalysis, tradeoffs t: TradeoffAnalysis, labels: GroupLabels, style: ChartStyle) -> Figure {
        let theme = style.theme, metric = a.metric
        var layers: [Layer] = [], entries: [PanelKey.Entry] = []
        var drawnRelays = 0, withoutBandwidth = 0, withoutEnd = 0, highestX = 0.0, highestY = 0.0, lowestX = Double.infinity
        let control = a.control.flatMap(t.group)
        for (i, g) in a.groups.enumerated() {
            let tr = t.group(g.group)
            let relays = (tr?.relays ?? []).filter { $0.writtenMbps != nil && $0.endValue.isFinite }
            withoutBandwidth += (tr?.relays ?? []).filter { $0.writtenMbps == nil }.count
            withoutEnd += (tr?.relays ?? []).filter { $0.writtenMbps != nil && !$0.endValue.isFinite }.count
            drawnRelays += relays.count
            let xs = relays.map { $0.writtenMbps! }, ys = relays.map(\.endValue)
            highestX = max(highestX, xs.max() ?? 0)
            lowestX = min(lowestX, xs.min() ?? .infinity)
            highestY = max(highestY, ys.max() ?? 0)
            if !relays.isEmpty { layers.append(.points(PointLayer(xs: xs, ys: ys, color: theme.series(i).withAlpha(0.55), radius: 5))) }
            entries.append(PanelKey.Entry(title: labels.titled(g.group), phrases: phrases(g, tr, a, control: control),
                                          color: theme.series(i), swatch: g.group == a.control ? .ring : .dot))
        }
        let means = means(a, t)
        let tags = tags(a.groups.map(\.group))
        for m in means {
            let i = a.groups.firstIndex { $0.group == m.group } ?? 0
            let isControl = m.group == a.control
            if isControl {
                layers.append(.points(PointLayer(xs: [m.mbps], ys: [m.value], color: theme.text, radius: 21, hollow: true)))
            }
            let bar = PointLayer.ErrorBar(xLow: m.mbpsLow ?? .nan, xHigh: m.mbpsHigh ?? .nan, yLow: m.valueLow ?? .nan, yHigh: m.valueHigh ?? .nan)
            layers.append(.points(PointLayer(xs: [m.mbps], ys: [m.value], color: theme.series(i), radius: 11, outline: theme.text,
                                             errorBars: [bar], labels: [(tags[m.group] ?? m.group) + (isControl ? " (control)" : "")])))
            highestX = max(highestX, m.mbpsHigh ?? m.mbps)
            lowestX = min(lowestX, m.mbpsLow ?? m.mbps)
            highestY = max(highestY, m.valueHigh ?? m.value)
        }
        // Bandwidth from 0 unless every relay is in the upper half of the range: then the axis
        // starts near the lowest, so that differences of a few Mbit/s are seen.
        let span = highestX - lowestX
        let left = lowestX.isFinite && lowestX > highestX / 2 ? max(0, lowestX - max(span * 0.15, highestX * 0.02)) : 0
        let right = max(highestX + max(span * 0.08, highestX * 0.02), left + 1)
        let zone = a.rule.zoneGB
        let top = (metric.isMemory ? max(highestY, zone) : highestY) * 1.05
        let legend = [LegendEntry("relay (colour: group)", color: theme.mutedText, swatch: .dot),
                      LegendEntry("group mean, 95 % intervals", color: theme.mutedText, swatch: .pointRange),
                      LegendEntry("control", color: theme.text, swatch: .ring)]
        let keyTitle = a.control.map { "Against the control \($0):" } ?? "No control group: end value, bandwidth"
        let quantityLabel = metric == .rss ? "end memory" : "end " + metric.shortName
        let lower = metric.isMemory ? "down: less memory" : "down: a lower ratio"
        let panel = PlotPanel(title: "\(quantityLabel.prefix(1).uppercased() + quantityLabel.dropFirst()) against bandwidth · \(lower) · right: more bandwidth",
                              x: .linear(lo: left, hi: right,
                                         label: "bandwidth per relay, Mbit/s written (mean over its group's window)"),
                              y: YAxis(label: "\(quantityLabel) per relay" + (metric.isMemory ? ", GB" : "") + " (group's last day)", lo: 0, hi: max(top, 0.1)),
                              layers: layers,
                              references: !metric.isMemory ? [] : [ReferenceLine(y: zone, label: "fragmentation zone ≥ \(NumberFormat.short(zone)) GB",
                                                                                 color: theme.warning)],
                              legend: legend, key: PanelKey(title: keyTitle, entries: entries))
        var subtitle = GroupText.groupsAndRelays(a)
        if withoutBandwidth + withoutEnd == 0 {
            subtitle += " · a dot per relay"
        } else {
            subtitle += " · \(ChartText.plural(drawnRelays, "relay")) drawn"
            if withoutBandwidth > 0 { subtitle += ", \(withoutBandwidth) without a bandwidth" }
            if withoutEnd > 0 { subtitle += ", \(withoutEnd) without an end value" }
        }
        subtitle += a.control.map { " · control " + labels.titled($0) } ?? " · no control group"
        return Figure(size: style.size(default: defaultSize), theme: theme,
                      title: (style.title.map { $0 + " · " } ?? "") + ChartText.subject(metric) + " against bandwidth",
                      subtitle: subtitle, panels: [.plot(panel)], footnote: style.sourceNote)
    }
}

extension MemoryVsBandwidthChart {
    public func fileStem(prefix: String) -> String { GroupMeansChart.groupStem("chart5_memory_vs_bandwidth", prefix: prefix) }

    public var summary: String { "end memory against bandwidth, vs the control" }

    /// Not applicable without groups; skipped when no group has a value or none has a bandwidth.
    public func make(_ context: ChartContext) -> ChartOutcome {
        guard context.inputs.groups != nil else { return .notApplicable }
        return context.withGroups { a in
            guard let t = context.inputs.tradeoffs, t.hasBandwidth, !Self.means(a, t).isEmpty else { return .skipped(reason: Self.noBandwidth) }
            return .drawn(Self.make(a, tradeoffs: t, labels: context.inputs.labels, style: context.style),
                          description: AltText.join("Every relay's end \(a.metric.name) against its bandwidth written, one colour per group, each group's mean with its 95 % intervals",
                                                    AltText.tradeoff(a, t, context.inputs.labels)))
        }
    }
}
