import TormemCore
import TormemData

/// What each chart shows for this data, in a sentence after the chart's kind: the alt text of a
/// report's images and the `<desc>` of an SVG ("… : group A ends 94 % below the control B").
/// Every number is one the chart itself prints, from the same analysis.
enum AltText {
    static func gb(kib: Double) -> String { Memory(kib: kib).isKnown ? NumberFormat.gb2(Memory(kib: kib)) + " GB" : "–" }

    /// `kind: finding.` (the finding left out when there is none to say).
    static func join(_ kind: String, _ finding: String?) -> String {
        guard let finding, !finding.isEmpty else { return kind }
        return kind + (kind.contains(":") ? "; " : ": ") + finding + "."
    }

    static func usage(_ data: AggregateDataset) -> String? {
        guard let s = MemorySummary(data.combined) else { return nil }
        var out = "the total went from \(gb(kib: s.startTotalKB)) to \(gb(kib: s.latestTotalKB))"
        if let g = s.growthPercent, g.isFinite { out += " (\(NumberFormat.signed(g, decimals: 0)) %)" }
        out += " between \(s.start.date) and \(s.end.date)"
        if s.firstRelays >= 0, s.latestRelays >= 0, s.firstRelays != s.latestRelays { out += ", with \(s.firstRelays) → \(s.latestRelays) relays" }
        if s.latestAvgKB.isFinite { out += "; the average relay ends at \(gb(kib: s.latestAvgKB))" }
        return out
    }

    static func weekly(_ weeks: [WeeklyBucket]) -> String? {
        guard let first = weeks.first, let last = weeks.last else { return nil }
        if weeks.count == 1 { return "one week (\(first.week)), averaging \(gb(kib: first.averageTotalKB))" }
        return "\(weeks.count) weeks, from \(gb(kib: first.averageTotalKB)) in \(first.week) to \(gb(kib: last.averageTotalKB)) in \(last.week)"
    }

    /// Groups by end mean, lowest first, the control marked.
    static func groupEnds(_ a: GroupAnalysis, _ labels: GroupLabels) -> String? {
        let ended = a.byFinalMean.filter { $0.endMean.isFinite }
        guard !ended.isEmpty else { return nil }
        let parts = ended.map { "\($0.group)\($0.group == a.control ? " (control)" : "") \(ChartText.value($0.endMean, a.metric))" }
        return "the groups end at " + parts.joined(separator: ", ")
    }

    static func comparison(_ a: GroupAnalysis, _ labels: GroupLabels) -> String? {
        let ended = a.byFinalMean.filter { $0.endMean.isFinite }
        guard let lowest = ended.first else { return nil }
        var out: String
        if let c = a.control, let control = a.stats(c), lowest.group != c, let vs = lowest.vsControl {
            let direction = vs.percent < 0 ? "below" : "above"
            out = "group \(labels.titled(lowest.group)) ends lowest at \(ChartText.value(lowest.endMean, a.metric)), " +
                "\(NumberFormat.fixed(abs(vs.percent), decimals: abs(vs.percent) < 10 ? 1 : 0)) % \(direction) the control \(labels.titled(c)) (\(ChartText.value(control.endMean, a.metric)))"
            if let lo = vs.low, let hi = vs.high {
                out += ", 95 % interval \(NumberFormat.signed(lo, decimals: 0)) to \(NumberFormat.signed(hi, decimals: 0)) %"
            }
        } else {
            out = "group \(labels.titled(lowest.group)) ends lowest at \(ChartText.value(lowest.endMean, a.metric))"
            if let highest = ended.last, highest.group != lowest.group { out += ", \(labels.titled(highest.group)) highest at \(ChartText.value(highest.endMean, a.metric))" }
        }
        let counts = [FragmentationStatus.stable, .growing, .fragmented].compactMap { s -> String? in
            let n = ended.filter { $0.status == s }.count
            return n == 0 ? nil : "\(n) \(s.rawValue)"
        }
        if !counts.isEmpty { out += "; " + counts.joined(separator: ", ") }
        return out
    }

    static func timeline(_ a: GroupAnalysis, _ n: FragmentationTimelineChart.Annotations) -> String? {
        let t = a.table
        let control = t.relays[n.controlRelay].displayName, best = t.relays[n.comparedRelay].displayName
        var out = "control relay \(control) rises from \(ChartText.value(n.jumpFrom, a.metric)) to a peak of \(ChartText.value(n.jumpTo, a.metric)); \(best) of the best group stays at \(ChartText.value(n.plateau, a.metric))"
        if let r = n.reductionPercent, r.isFinite { out += ", \(NumberFormat.fixed(abs(r), decimals: 0)) % \(r < 0 ? "below" : "above") the control relay's end" }
        return out
    }

    static func spread(_ a: GroupAnalysis) -> String? {
        let ended = a.groups.filter { $0.endMean.isFinite && $0.iqr.isFinite }
        guard let widest = ended.max(by: { ($0.iqr, $1.group) < ($1.iqr, $0.group) }) else { return nil }
        var out = "the widest spread is group \(widest.group)'s (interquartile range \(ChartText.value(widest.iqr, a.metric)))"
        let unlike = a.groups.flatMap(\.unlike)
        if !unlike.isEmpty {
            out += "; unlike their group: " + unlike.prefix(5).joined(separator: ", ") + (unlike.count > 5 ? " and \(unlike.count - 5) more" : "")
        }
        return out
    }

    /// Each group against the control in memory and bandwidth, as chart 5's key says it (the first
    /// five; the control's own values first).
    static func tradeoff(_ a: GroupAnalysis, _ t: TradeoffAnalysis, _ labels: GroupLabels) -> String? {
        let control = a.control.flatMap(t.group)
        let parts = a.groups.filter { $0.group != a.control && t.group($0.group)?.hasBandwidth == true }.map { g in
            labels.titled(g.group) + " " + MemoryVsBandwidthChart.phrases(g, t.group(g.group), a, control: control).joined(separator: ", ")
        }
        guard let c = a.control, let cs = a.stats(c) else {
            return parts.isEmpty ? nil : "no control group; " + parts.prefix(5).joined(separator: "; ") + (parts.count > 5 ? " and \(parts.count - 5) more" : "")
        }
        var out = "against the control \(labels.titled(c)) (" + MemoryVsBandwidthChart.phrases(cs, control, a, control: control).dropFirst().joined(separator: ", ") + ")"
        if !parts.isEmpty { out += ": " + parts.prefix(5).joined(separator: "; ") + (parts.count > 5 ? " and \(parts.count - 5) more" : "") }
        return out
    }

    static func distribution(_ s: RelayStatistics) -> String? {
        guard let top = s.ranked.first, let bottom = s.ranked.last else { return nil }
        return "\(ChartText.plural(s.ranked.count, "relay")), mean \(ChartText.value(s.mean, s.metric))" +
            (s.standardDeviation.isFinite ? ", σ \(ChartText.value(s.standardDeviation, s.metric))" : "") +
            "; from \(ChartText.value(bottom.gb, s.metric)) (\(bottom.info.displayName)) to \(ChartText.value(top.gb, s.metric)) (\(top.info.displayName))"
    }

    static func highest(_ s: RelayStatistics) -> String? {
        guard let top = s.ranked.first else { return nil }
        return "the highest, \(top.info.displayName), ends at \(ChartText.value(top.gb, s.metric))"
    }

    static func outliers(_ s: RelayStatistics, fixed: Double?) -> String? {
        let above = s.outliers(fixed: fixed)
        guard !above.isEmpty else { return nil }
        let names = above.prefix(5).map { "\($0.info.displayName) (\(ChartText.value($0.gb, s.metric)))" }.joined(separator: ", ")
        return "\(ChartText.plural(above.count, "relay")) above \(ChartText.value(s.threshold(fixed: fixed), s.metric)): " + names + (above.count > 5 ? " and \(above.count - 5) more" : "")
    }

    static func snapshot(_ snap: SnapshotTable) -> String? {
        let running = snap.relays.filter { $0.rssGB.isFinite }.sorted { ($0.rssGB, $1.name) > ($1.rssGB, $0.name) }
        guard let top = running.first else { return nil }
        var out = "\(ChartText.plural(running.count, "running relay")), the highest \(top.name) at \(ChartText.gbValue(top.rssGB))"
        if !snap.notRunning.isEmpty { out += "; \(snap.notRunning.count) not running" }
        return out
    }
}
