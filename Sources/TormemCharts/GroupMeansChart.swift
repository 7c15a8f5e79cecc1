import TormemCore
import TormemData
import TormemPlot

/// `chart1_memory_over_time`: each group's mean RSS per day, one line per group, with the
/// fragmentation zone shaded and the expected maximum marked.
public struct GroupMeansChart: Chart {
    public init() {}

    public static let defaultSize = Size(width: 2100, height: 1300)

    public static func make(_ a: GroupAnalysis, labels: GroupLabels, options: RelayChartOptions, style: ChartStyle,
                            events: EventLog? = nil) -> Figure {
        let theme = style.theme
        let days = a.table.days.map(Double.init)
        let lo = days.first ?? 0, hi = max(days.last ?? 1, lo + 1)
        let metric = a.rule.metric, zone = a.rule.zoneGB
        let maxMean = a.groups.flatMap(\.dailyMeans).filter { !$0.isNaN }.max() ?? 1
        // The zone and the expected maximum are amounts of memory: not drawn for a ratio.
        let top = (metric.isMemory ? max(maxMean, zone, options.expectedMaxGB) : maxMean) * 1.15
        var layers: [Layer] = metric.isMemory ? [
            .band(BandLayer(xs: [lo, hi], lower: [zone, zone], upper: [top * 2, top * 2],
                            color: theme.warning.withAlpha(0.10))),
        ] : []
        var legend: [LegendEntry] = []
        // A missing day breaks the lines: no straight bridge over days without a sample.
        let gaps = GapBreaks(times: a.table.days.map(Int64.init), median: 1, factor: 1)
        for (i, g) in a.groups.enumerated() {
            let color = theme.series(i), dash = Theme.dash(series: i, of: a.groups.count)
            layers.append(.line(LineLayer(xs: gaps.xs, ys: gaps.ys(g.dailyMeans), color: color, width: 3,
                                          dash: dash, markers: true)))
            let end = g.endMean.isNaN ? "" : ", end \(ChartText.value(g.endMean, metric))"
            legend.append(LegendEntry(labels.titled(g.group) + " (" + GroupText.n(g) + end + ")", color: color, dash: dash))
        }
        if metric.isMemory { legend.append(LegendEntry("fragmentation zone", color: theme.warning.withAlpha(0.3), swatch: .band)) }
        let refs = !metric.isMemory ? [] : [
            ReferenceLine(y: zone, label: "fragmentation zone ≥ \(NumberFormat.fixed(zone, decimals: zone.rounded() == zone ? 0 : 1)) GB",
                          color: theme.warning),
            ReferenceLine(y: options.expectedMaxGB, label: "expected max \(ChartText.gbValue(options.expectedMaxGB))",
                          color: theme.cool),
        ]
        let panel = PlotPanel(title: "Mean \(metric.name) per group",
                              x: .linear(lo: lo, hi: hi, label: axisLabel(a.table, events: events, lo: lo, hi: hi)),
                              y: YAxis(label: "\(ChartText.unit(metric)) per relay (group mean)", lo: 0, hi: top),
                              layers: layers, references: refs, legend: legend,
                              events: groupEvents(events, starts: a.table.groupStarts, lo: lo, hi: hi))
        return Figure(size: style.size(default: defaultSize), theme: theme,
                      title: (style.title.map { $0 + " · " } ?? "") + ChartText.subject(metric) + " over time by group",
                      subtitle: "\(GroupText.groupsAndRelays(a)) · days \(Int(lo))–\(Int(days.last ?? lo))",
                      panels: [.plot(panel)], footnote: style.sourceNote)
    }
}

extension GroupMeansChart {
    /// What day 0 is: one date when every group starts together, else each group's own start (and,
    /// when `events` has events of all groups on the axis, the date their days count from).
    static func axisLabel(_ table: DailyTable, events: EventLog? = nil, starts: [String: Int64]? = nil,
                          lo: Double = 0, hi: Double = 0) -> String {
        let starts = starts ?? table.groupStarts
        let dates = Set(starts.values.map { Timestamp(seconds: $0).date })
        if dates.count > 1 {
            var label = "days since each group's start (groups aligned)"
            if let earliest = starts.values.min(),
               events?.events.contains(where: { $0.isForAll && (lo...hi).contains(day($0, since: earliest)) }) == true {
                label += " · events of all groups: days since \(Timestamp(seconds: earliest).date)"
            }
            return label
        }
        if let d = dates.first ?? table.firstDate { return "days since the start (\(d))" }
        return "days since the configuration change"
    }

    static func day(_ e: ExperimentEvent, since start: Int64) -> Double { Double(e.time.seconds - start) / 86_400 }

    /// The timeline's events on the days axis (`starts`: group → seconds): an event of some groups
    /// at its day since the start of each group it concerns; an event of all groups once, at its
    /// day since the earliest start (the axis label says so when groups start apart), so no event
    /// is drawn twice at different days.
    static func groupEvents(_ log: EventLog?, starts: [String: Int64], lo: Double, hi: Double) -> [EventMarker] {
        guard let log, let earliest = starts.values.min() else { return [] }
        var out: [EventMarker] = []
        for e in log.events {
            let own = e.isForAll ? [earliest] : Set(starts.filter { e.concerns($0.key) }.values).sorted()
            for start in own {
                let x = day(e, since: start)
                if x >= lo, x <= hi { out.append(EventMarker(x: x, label: EventMarkers.label(e), kind: e.type.isEmpty ? "event" : e.type)) }
            }
        }
        return out
    }

    public func fileStem(prefix: String) -> String { Self.groupStem("chart1_memory_over_time", prefix: prefix) }

    /// The group charts' names: as they are with the default prefix, `PREFIX_chartN_…` with another.
    static func groupStem(_ stem: String, prefix: String) -> String { prefix == "memory" ? stem : prefix + "_" + stem }

    public var summary: String { "mean RSS per group per day" }

    public func make(_ context: ChartContext) -> ChartOutcome {
        context.withGroups { a in
            .drawn(Self.make(a, labels: context.inputs.labels, options: context.options, style: context.style,
                             events: context.inputs.timeline),
                   description: AltText.join("Mean \(a.metric.name) per group per day" + (a.metric.isMemory ? ", with the fragmentation zone and the expected maximum" : ""), AltText.groupEnds(a, context.inputs.labels)))
        }
    }
}
