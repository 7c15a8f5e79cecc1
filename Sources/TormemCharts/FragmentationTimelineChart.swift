import TormemData
import TormemPlot

/// `chart3_fragmentation_timeline`: a representative relay of the control group against one of the
/// best group, with the control's jump and the best relay's plateau annotated (all computed).
public struct FragmentationTimelineChart: Chart {
    public init() {}

    public static let defaultSize = Size(width: 2100, height: 1300)

    /// The numbers the chart prints.
    public struct Annotations: Equatable, Sendable {
        public var controlRelay: Int
        public var comparedRelay: Int
        /// Control relay: its post-change minimum and the highest value after it (GB).
        public var jumpFrom: Double
        public var jumpTo: Double
        public var jumpFromDay: Int
        public var jumpToDay: Int
        /// Best relay: its final value, and its reduction against the control relay's final value.
        public var plateau: Double
        public var plateauDay: Int
        public var reductionPercent: Double?

        public var jumpPercent: Double { jumpFrom > 0 ? (jumpTo - jumpFrom) / jumpFrom * 100 : .nan }
    }

    public static func annotations(_ a: GroupAnalysis) -> Annotations? {
        guard let c = a.control, let b = a.compared, c != b,
              let cr = a.representative(of: c), let br = a.representative(of: b) else { return nil }
        let t = a.table
        let cv = t.values[cr]
        let post = cv.indices.dropFirst().filter { !cv[$0].isNaN }
        guard let minIdx = post.min(by: { cv[$0] < cv[$1] }) else { return nil }
        let after = post.filter { $0 >= minIdx }
        let maxIdx = after.max { cv[$0] < cv[$1] } ?? minIdx
        guard let bFinal = t.final(br), let cFinal = t.final(cr) else { return nil }
        let reduction = cFinal.gb > 0 ? (bFinal.gb - cFinal.gb) / cFinal.gb * 100 : nil
        return Annotations(controlRelay: cr, comparedRelay: br, jumpFrom: cv[minIdx], jumpTo: cv[maxIdx],
                           jumpFromDay: t.days[minIdx], jumpToDay: t.days[maxIdx], plateau: bFinal.gb,
                           plateauDay: t.days[bFinal.day], reductionPercent: reduction)
    }

    /// Why `annotations` found nothing to compare.
    static func whyNoAnnotations(_ a: GroupAnalysis) -> String {
        guard let control = a.control else {
            return "no control group (no group label says control, default or none); choose one with --control GROUP"
        }
        if a.compared == nil || a.compared == control { return "no other group to compare with the control group \(control)" }
        return "the control or best group has no relay with values after day \(a.table.days.first ?? 0)"
    }

    public static func make(_ a: GroupAnalysis, _ n: Annotations, labels: GroupLabels, style: ChartStyle,
                            events: EventLog? = nil) -> Figure {
        let theme = style.theme
        let t = a.table
        let days = t.days.map(Double.init)
        let control = t.relays[n.controlRelay], best = t.relays[n.comparedRelay]
        let cColor = theme.warning, bColor = theme.accent
        // A missing day breaks the lines: no straight bridge over days without a sample.
        let gaps = GapBreaks(times: t.days.map(Int64.init), median: 1, factor: 1)
        let cv = gaps.ys(t.values[n.controlRelay]), bv = gaps.ys(t.values[n.comparedRelay])
        let layers: [Layer] = [
            .area(AreaLayer(xs: gaps.xs, ys: cv, color: cColor.withAlpha(0.12))),
            .area(AreaLayer(xs: gaps.xs, ys: bv, color: bColor.withAlpha(0.16))),
            .line(LineLayer(xs: gaps.xs, ys: cv, color: cColor, width: 3.5, markers: true)),
            .line(LineLayer(xs: gaps.xs, ys: bv, color: bColor, width: 3.5, markers: true)),
        ]
        var callouts = [Callout(x: Double(n.jumpToDay), y: n.jumpTo,
                                lines: ["\(ChartText.value(n.jumpFrom, a.metric)) → \(ChartText.value(n.jumpTo, a.metric))",
                                        "\(ChartText.signedPercent(n.jumpPercent)) (day \(n.jumpFromDay) → \(n.jumpToDay))"],
                                color: cColor, side: .above)]
        var plateau = ["plateau \(ChartText.value(n.plateau, a.metric))"]
        // The same definition as chart 2: the groups' means, at the latest day both have data.
        if let c = a.stats(best.group)?.vsControl { plateau.append("group " + GroupText.vsControl(c)) }
        callouts.append(Callout(x: Double(n.plateauDay), y: n.plateau, lines: plateau, color: bColor, side: .above))
        let legend = [
            LegendEntry("\(control.displayName) · control: \(labels.titled(control.group))", color: cColor),
            LegendEntry("\(best.displayName) · best: \(labels.titled(best.group))", color: bColor),
        ]
        let maxV = (t.values[n.controlRelay] + t.values[n.comparedRelay]).filter { !$0.isNaN }.max() ?? 1
        let lo = days.first ?? 0, hi = max(days.last ?? 1, lo + 1)
        let starts = t.groupStarts.filter { $0.key == control.group || $0.key == best.group }
        let axis = GroupMeansChart.axisLabel(t, events: events, starts: starts, lo: lo, hi: hi)
        let m = a.metric.shortName
        let panel = PlotPanel(title: "\(m) of one representative relay per group (median relay by final \(m))",
                          x: .linear(lo: lo, hi: hi, label: axis), y: YAxis(label: ChartText.unit(a.metric), lo: 0, hi: maxV * 1.3),
                          layers: layers, callouts: callouts, legend: legend,
                          events: GroupMeansChart.groupEvents(events, starts: starts, lo: lo, hi: hi))
        return Figure(size: style.size(default: defaultSize), theme: theme,
                      title: (style.title.map { $0 + " · " } ?? "") + "Fragmentation timeline",
                      subtitle: "control group \(labels.titled(control.group)) against best group \(labels.titled(best.group))",
                      panels: [.plot(panel)], footnote: style.sourceNote)
    }
}

extension FragmentationTimelineChart {
    public func fileStem(prefix: String) -> String { GroupMeansChart.groupStem("chart3_fragmentation_timeline", prefix: prefix) }

    public var summary: String { "a control relay against one of the best group" }

    public func make(_ context: ChartContext) -> ChartOutcome {
        context.withGroups { a in
            guard let n = Self.annotations(a) else { return .skipped(reason: Self.whyNoAnnotations(a)) }
            return .drawn(Self.make(a, n, labels: context.inputs.labels, style: context.style, events: context.inputs.timeline),
                          description: AltText.join("A representative relay of the control group against one of the best group", AltText.timeline(a, n)))
        }
    }
}
