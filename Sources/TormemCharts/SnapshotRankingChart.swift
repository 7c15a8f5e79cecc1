import TormemCore
import TormemData
import TormemPlot

/// `memory_ranking` (snapshot files): every running relay's RSS as a bar, highest first, with VmSize
/// and fragmentation ratio where known; relays that were not running are listed, not drawn as zero.
public struct SnapshotRankingChart: Chart {
    public init() {}

    /// Rows get at least this many pixels (at scale 1: 1200 px wide), so that their text is still
    /// about 10.5 px when GitHub shows the chart 880 px wide; more relays than fit are summarised
    /// in a note.
    static let minimumRowHeight = 23.0
    /// The tallest default ranking: 2100 × 3600 px holds about 70 relays.
    static let maximumHeight = 3600.0
    /// The largest `--height` the option takes.
    static let maximumOption = 20_000.0

    /// `metric`: the quantity ranked (RSS unless `--metric` says otherwise).
    public static func make(_ snap: SnapshotTable, style: ChartStyle, metric: Metric = .rss) -> Figure {
        let theme = style.theme
        let sorted = snap.relays.filter { metric == .rss || $0.value(of: metric).isFinite }
            .sorted { ($0.value(of: metric), $1.name) > ($1.value(of: metric), $0.name) }
        let width = style.width ?? 2100
        // Tall enough for a legible row per relay at the text size of this width (up to
        // `maximumHeight` at the default width).
        let rowScale = min(4, max(0.45, width / 1200)) * style.scale
        let tallest = maximumHeight * width / 2100
        let height = style.height ?? min(tallest, max(900, ((420 + minimumRowHeight * Double(sorted.count)) * rowScale).rounded()))
        let fit = rows(height: height, width: width, textScale: style.scale)
        let shown = sorted.prefix(fit)
        let rows = shown.map { r -> RankingPanel.Row in
            var detail: [String] = []
            if metric != .rss { detail.append("RSS \(ChartText.gbValue(r.rssGB))") }
            if metric != .vmsize, !r.vmsizeGB.isNaN { detail.append("VmSize \(NumberFormat.fixed(r.vmsizeGB, decimals: 1)) GB") }
            if metric != .frag, !r.fragRatio.isNaN { detail.append("frag \(NumberFormat.fixed(r.fragRatio, decimals: 1))×") }
            let v = r.value(of: metric)
            return RankingPanel.Row(label: r.name, value: v, color: theme.accent, text: ChartText.value(v, metric),
                                    detail: detail.joined(separator: " · "))
        }
        var notes: [String] = []
        if sorted.count > shown.count {
            let need = heightShowingAll(sorted.count, width: width, textScale: style.scale)
            let how = need <= maximumOption ? "draw with --height \(NumberFormat.fixed(need, decimals: 0)) to see all"
                : "--height \(NumberFormat.fixed(maximumOption, decimals: 0)) shows \(Self.rows(height: maximumOption, width: width, textScale: style.scale))"
            notes.append("\(sorted.count - shown.count) more relays of \(ChartText.value(sorted[shown.count].value(of: metric), metric)) or less not shown: " + how)
        }
        let without = snap.relays.count - sorted.count
        if without > 0 { notes.append("\(ChartText.plural(without, "running relay")) without a \(metric.snapshotColumn) value not shown") }
        if !snap.notRunning.isEmpty {
            let names = snap.notRunning.prefix(8).joined(separator: ", ") + (snap.notRunning.count > 8 ? ", …" : "")
            notes.append("not running (\(snap.notRunning.count)): \(names)")
        }
        let total = sorted.reduce(0) { $0 + $1.value(of: metric) }
        let mean = sorted.isEmpty ? 0 : total / Double(sorted.count)
        let panel = RankingPanel(title: "\(metric.shortName) per relay", rows: rows, axisLabel: "\(ChartText.unit(metric)) (\(metric.shortName))",
                                 references: [ReferenceLine(x: mean, label: "mean \(ChartText.value(mean, metric))", color: theme.warning)],
                                 note: notes.isEmpty ? nil : notes.joined(separator: " · "))
        return Figure(size: Size(width: width, height: height), theme: theme,
                      title: (style.title ?? snap.host ?? "snapshot") + " · relay memory snapshot",
                      subtitle: subtitle(snap) + (metric.isMemory ? " · total \(ChartText.gbValue(total))" : " · mean \(ChartText.value(mean, metric))"),
                      panels: [.ranking(panel)], footnote: style.sourceNote)
    }

    /// How many rows a ranking of this size holds.
    static func rows(height: Double, width: Double, textScale: Double) -> Int {
        let s = FigureRenderer.scale(for: Size(width: width, height: height), textScale: textScale)
        return max(1, Int((height - 420 * s) / (minimumRowHeight * max(1, s))))
    }

    /// The smallest `--height` (a multiple of 10 px) whose ranking holds `count` rows.
    static func heightShowingAll(_ count: Int, width: Double, textScale: Double) -> Double {
        var h = 900.0
        while rows(height: h, width: width, textScale: textScale) < count, h < 1_000_000 { h += 10 }
        return h
    }

    public static func subtitle(_ snap: SnapshotTable) -> String {
        var parts: [String] = []
        if let t = snap.collected { parts.append("collected \(t.dateTimeMinutes)") }
        parts.append("\(ChartText.plural(snap.relays.count, "relay")) running")
        if !snap.notRunning.isEmpty { parts.append("\(snap.notRunning.count) not running") }
        return parts.joined(separator: " · ")
    }
}

extension SnapshotRankingChart {
    public func fileStem(prefix: String) -> String { "\(prefix)_ranking" }

    public var summary: String { "snapshots: every running relay by RSS" }

    public func make(_ context: ChartContext) -> ChartOutcome {
        guard context.inputs.relays.isEmpty, let snap = context.inputs.snapshot, snap.relays.contains(where: { $0.rssGB.isFinite }) else {
            return .notApplicable
        }
        let m = context.inputs.metric
        guard snap.relays.contains(where: { $0.value(of: m).isFinite }) else {
            return .skipped(reason: "no relay of the snapshot has a \(m.snapshotColumn) value (--metric \(m.rawValue))")
        }
        return .drawn(Self.make(snap, style: context.style, metric: m),
                      description: AltText.join(m == .rss ? "RSS of every running relay at the snapshot, with VmSize and fragmentation ratio"
                                                          : "\(m.name) of every running relay at the snapshot", AltText.snapshot(snap)))
    }
}
