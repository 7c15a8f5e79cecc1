import TormemCore
import TormemData
import TormemPlot

/// `memory_weekly`: one bar per ISO week with the week's average total memory, labelled with the
/// value and the week's highest relay count.
public struct WeeklyChart: Chart {
    public init() {}

    public static let defaultSize = Size(width: 1800, height: 900)

    public static func make(_ data: AggregateDataset, style: ChartStyle) -> Figure {
        let theme = style.theme
        let weeks = WeeklyBucket.buckets(data.combined)
        let values = weeks.map { $0.averageTotalKB / Memory.kibPerGB }
        // Past half a year of weeks the bars are too narrow for "GB · relays": turned, those labels
        // would take most of the plot's height. The GB stay; the relay counts are memory_usage's.
        let brief = weeks.count > briefFrom
        let bars = BarLayer(values: values, color: theme.accent,
                            labelsAbove: weeks.map { ChartText.gb(Memory(kib: $0.averageTotalKB)) },
                            labelsInside: brief ? weeks.map(daysLabel)
                                : weeks.map { w in [relayLabel(w), daysLabel(w)].filter { !$0.isEmpty }.joined(separator: " · ") },
                            partial: weeks.map(\.isPartial))
        let changed = weeks.contains { $0.relayCountChanged }
        let partial = weeks.contains { $0.isPartial }
        let panel = PlotPanel(title: "Weekly average of total memory", x: .categories(weeks.map(\.week.description)),
                          y: YAxis(label: "GB", lo: 0, hi: (values.max() ?? 1) * 1.05), layers: [.bars(bars)],
                          legend: [LegendEntry("average total (GB)", color: theme.accent, swatch: .bar),
                                   LegendEntry(brief ? "label: GB (relay counts: memory_usage)"
                                                   : changed ? "label: GB · relays that week (fewest–most)" : "label: GB · max relays that week",
                                               color: theme.mutedText, swatch: .bar)]
                                   + (partial ? [LegendEntry("lighter: part of a week (days with data)", color: theme.accent.withAlpha(BarLayer.partialAlpha), swatch: .bar)] : []))
        let name = style.title ?? ChartText.defaultTitle(data)
        let first = weeks.first.map { $0.week.description } ?? ""
        let last = weeks.last.map { $0.week.description } ?? ""
        let sub = [first == last ? first : "\(first) → \(last)", ChartText.plural(weeks.count, "ISO week"),
                   ChartText.period(data.combined)].joined(separator: " · ")
        return Figure(size: style.size(default: defaultSize), theme: theme, title: "\(name) · weekly memory",
                      subtitle: sub, panels: [.plot(panel)], footnote: MemoryUsageChart.footnote(style))
    }

    /// More weeks than this get labels of GB only.
    static let briefFrom = 26

    /// `3 of 7 days` for a week with days without data; empty for a full week.
    static func daysLabel(_ w: WeeklyBucket) -> String { w.isPartial ? "\(w.days) of 7 days" : "" }

    /// `120 relays`, or `32–120 relays` when the count changed inside the week; empty when unknown.
    static func relayLabel(_ w: WeeklyBucket) -> String {
        if w.relayCountChanged { return "\(NumberFormat.grouped(w.minRelays))–\(NumberFormat.grouped(w.maxRelays)) relays" }
        return w.maxRelays >= 0 ? ChartText.plural(w.maxRelays, "relay") : ""
    }
}

extension WeeklyChart {
    public func fileStem(prefix: String) -> String { "\(prefix)_weekly" }

    public var summary: String { "weekly average of the total memory" }

    public func make(_ context: ChartContext) -> ChartOutcome {
        context.withAggregate { data in
            .drawn(Self.make(data, style: context.style),
                   description: AltText.join("Weekly average of total memory per ISO week, with the week's largest relay count", AltText.weekly(WeeklyBucket.buckets(data.combined))))
        }
    }
}
