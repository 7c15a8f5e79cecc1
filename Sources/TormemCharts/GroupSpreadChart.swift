import TormemCore
import TormemData
import TormemPlot

/// `chart4_group_spread`: per group, every relay's end value as a dot, a box from the first to the
/// third quartile with the median, and the mean; relays unlike their group named, and relays that
/// do not run their group's allocator named with the allocator they run.
public struct GroupSpreadChart: Chart {
    public init() {}

    public static let defaultSize = Size(width: 2100, height: 1300)
    /// Named relays per group at most (the rest are counted in the subtitle).
    static let namedPerGroup = 4

    public static func make(_ a: GroupAnalysis, labels: GroupLabels, options: RelayChartOptions, style: ChartStyle,
                            tradeoffs: TradeoffAnalysis? = nil, caveats: Caveats = Caveats()) -> Figure {
        let theme = style.theme
        let groups = a.groups.filter { !$0.endValues.isEmpty }
        var columns: [SpreadLayer.Column] = []
        var callouts: [Callout] = []
        for (i, g) in groups.enumerated() {
            let color = g.status == .fragmented ? theme.warning : (g.status == .growing ? theme.cool : theme.accent)
            columns.append(SpreadLayer.Column(values: g.endValues.map(\.gb), q1: g.endQ1, median: g.endMedian, q3: g.endQ3,
                                              mean: g.endMean, color: color))
            let t = tradeoffs?.group(g.group)
            let mismatched = Dictionary(t?.allocatorMismatches.map { ($0.name, $0.allocator) } ?? [], uniquingKeysWith: { a, _ in a })
            let names = g.unlike + mismatched.keys.sorted().filter { !g.unlike.contains($0) }
            for name in names.prefix(namedPerGroup) {
                guard let k = g.endValues.firstIndex(where: { $0.name == name }) else { continue }
                let lines = [name] + (mismatched[name].map { ["\($0), not \(t?.allocator ?? "?")"] } ?? [])
                callouts.append(Callout(x: Double(i) + 0.5 + SpreadLayer.jitter(k), y: g.endValues[k].gb, lines: lines,
                                        color: mismatched[name] == nil ? theme.text : theme.warning,
                                        side: g.endValues[k].gb >= g.endMedian ? .above : .below))
            }
        }
        let zone = a.rule.zoneGB, memory = a.metric.isMemory
        let highest = groups.compactMap { $0.endValues.map(\.gb).max() }.max() ?? 1
        let top = (memory ? max(highest, zone) : highest) * 1.15
        let categories = groups.map { labels.titled($0.group) + " (" + GroupText.n($0) + ")" }
        for (i, g) in groups.enumerated() {
            let marks = Self.marks(g.group, caveats)
            guard !marks.isEmpty, let high = g.endValues.map(\.gb).max() else { continue }
            callouts.append(Callout(x: Double(i) + 0.5, y: high, lines: [marks.joined(separator: " · ")], color: theme.mutedText, side: .above))
        }
        let legend = [LegendEntry("relay (end value; colour: status)", color: theme.mutedText, swatch: .dot),
                      LegendEntry("median and IQR box", color: theme.text, swatch: .line),
                      LegendEntry("mean", color: theme.text, swatch: .diamond)]
        let panel = PlotPanel(title: "End value of every relay per group", x: .categories(categories),
                              y: YAxis(label: ChartText.unit(a.metric) + " per relay, last day", lo: 0, hi: top),
                              layers: [.spread(SpreadLayer(columns: columns))], callouts: callouts,
                              references: !memory ? [] : [ReferenceLine(y: zone, label: "fragmentation zone ≥ \(NumberFormat.short(zone)) GB",
                                                                        color: theme.warning)],
                              legend: legend)
        let unlike = groups.reduce(0) { $0 + $1.unlike.count }
        let mismatches = groups.map { g in Set(tradeoffs?.group(g.group)?.allocatorMismatches.map(\.name) ?? []).subtracting(g.unlike) }
        let named = zip(groups, mismatches).reduce(0) { $0 + min($1.0.unlike.count + $1.1.count, namedPerGroup) }
        let wrongAllocator = tradeoffs?.groups.reduce(0) { $0 + $1.allocatorMismatches.count } ?? 0
        var subtitle = GroupText.groupsAndRelays(a, groups: groups.count) + " · "
            + (unlike == 0 ? "no relay unlike its group" : "\(ChartText.plural(unlike, "relay")) unlike their group (> 3 MAD from its median)")
        if wrongAllocator > 0 { subtitle += " · \(ChartText.plural(wrongAllocator, "relay")) not on the group's allocator" }
        let total = unlike + mismatches.reduce(0) { $0 + $1.count }
        if named < total { subtitle += ", \(named) named" }
        return Figure(size: style.size(default: defaultSize), theme: theme,
                      title: (style.title.map { $0 + " · " } ?? "") + "Spread within each group",
                      subtitle: subtitle, panels: [.plot(panel)], footnote: style.sourceNote)
    }
}

extension GroupSpreadChart {
    /// The caveats a group's column says beside its n: `20 shared` (relays also in another group),
    /// `2 clusters` (separated end values).
    static func marks(_ group: String, _ caveats: Caveats) -> [String] {
        var out: [String] = []
        let shared = Set(caveats.of(.overlap).filter { $0.concerns(group) }.flatMap(\.relays))
        if !shared.isEmpty { out.append("\(shared.count) shared") }
        if let b = caveats.of(.bimodal).first(where: { $0.groups.first == group }), case .list(let k)? = b.numbers.first?.1 {
            out.append("\(k.count) clusters")
        }
        return out
    }

    public func fileStem(prefix: String) -> String { GroupMeansChart.groupStem("chart4_group_spread", prefix: prefix) }

    public var summary: String { "every relay's end value per group, box and mean" }

    public func make(_ context: ChartContext) -> ChartOutcome {
        context.withGroups { a in
            .drawn(Self.make(a, labels: context.inputs.labels, options: context.options, style: context.style,
                             tradeoffs: context.inputs.tradeoffs, caveats: context.inputs.caveats),
                   description: AltText.join("Every relay's end value per group, with the median, the interquartile box and the mean; relays unlike their group named", AltText.spread(a)))
        }
    }
}
