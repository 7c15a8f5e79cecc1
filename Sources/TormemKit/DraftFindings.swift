import TormemCharts
import TormemCore
import TormemData

/// The marked **Draft findings** block of REPORT.md: sentences written from the numbers (the best
/// group against the control with its interval, groups FRAGMENTED / GROWING, relays unlike their
/// group, one-relay caveats), labelled as a draft for the author to rewrite.
enum DraftFindings {
    /// How every block tormem writes begins.
    static let signature = "> **Draft findings** (written by tormem"

    static func markdown(_ analysis: GroupAnalysis?, labels: GroupLabels, tradeoffs: TradeoffAnalysis? = nil,
                         timeline: EventLog? = nil, caveats: Caveats = Caveats()) -> String {
        guard let a = analysis, !a.groups.isEmpty else {
            return signature + " from the numbers): no groups in the data."
        }
        func name(_ g: String) -> String { MarkdownText.escape(labels.titled(g)) }
        var lines: [String] = []
        if let c = a.control, let control = a.stats(c) {
            let others = a.groups.filter { $0.group != c && $0.vsControl != nil }.sorted { $0.vsControl!.percent < $1.vsControl!.percent }
            if let best = others.first, let vs = best.vsControl {
                lines.append("\(name(best.group)) ends \(GroupText.percent(vs.percent)) against the control \(name(c)) "
                    + "on day \(vs.atDay) \(GroupText.interval(vs)): \(gbText(best.endMean, a.metric)) against \(gbText(control.endMean, a.metric)) per relay.")
            }
            let rest = others.dropFirst().map { "\(name($0.group)) \(GroupText.percent($0.vsControl!.percent)) \(GroupText.interval($0.vsControl!))" }
            if !rest.isEmpty { lines.append("Against the control: " + rest.joined(separator: "; ") + ".") }
        } else {
            lines.append("No group is named control, default or none (choose one with `--control GROUP`): no group is compared.")
        }
        for status in [FragmentationStatus.fragmented, .growing] {
            let gs = a.groups.filter { $0.status == status }
            guard !gs.isEmpty else { continue }
            let list = gs.map { g in name(g.group) + (status == .growing ? " (" + (g.growthPerDay.map { GroupText.growth($0, a.metric) } ?? "") + ")" : "") }
            lines.append("\(status.rawValue): " + list.joined(separator: ", ") + ".")
        }
        if let t = tradeoffs { lines += tradeoffLines(t, a, name: name) }
        let seen = (timeline?.events ?? []).filter(\.seenInData)
        if !seen.isEmpty {
            let entries = seen.prefix(8).map { e -> String in
                "\(name(e.group)) on \(e.time.date) (\(e.description))" + (e.type == "restart" ? ": its 2× rule counts from then" : "")
            }
            lines.append("Restarts seen in the data (`started` changed): " + entries.joined(separator: "; ")
                + (seen.count > 8 ? "; and \(seen.count - 8) more" : "") + ".")
        }
        if let c = a.control {
            let kinds = caveats.about(c).map(\.kind).filter { [.overlap, .bimodal, .unlike, .allocatorMismatch, .smallGroup].contains($0) }
            if !kinds.isEmpty {
                var seen = Set<String>()
                let words = kinds.map { $0.rawValue.replacingOccurrences(of: "_", with: " ") }.filter { seen.insert($0).inserted }
                lines.append("Read every comparison with care: the control \(name(c)) has caveats (\(words.joined(separator: ", "))) below.")
            }
        }
        for c in caveats.all { lines.append("Caveat (\(c.kind.rawValue.replacingOccurrences(of: "_", with: " "))): " + MarkdownText.escape(c.text) + ".") }
        return signature + " from the numbers; rewrite them before publishing, or delete the two marker lines around them to make them yours):\n>\n"
            + lines.map { "> - " + $0 }.joined(separator: "\n")
    }

    /// Per group against the control: memory, bandwidth, weight and flags in one sentence; then
    /// relays not running their group's allocator are caveats.
    static func tradeoffLines(_ t: TradeoffAnalysis, _ a: GroupAnalysis, name: (String) -> String) -> [String] {
        var lines: [String] = []
        if let c = t.control, let control = t.group(c) {
            for g in t.groups where g.group != c {
                var parts: [String] = []
                if let vs = a.stats(g.group)?.vsControl { parts.append("\(a.metric == .rss ? "memory" : a.metric.shortName) \(GroupText.percent(vs.percent))") }
                if let d = g.vsControl {
                    parts.append("bandwidth \(TradeoffText.difference(d)), \(TradeoffText.mbps(g.bandwidthMbps)) against \(TradeoffText.mbps(control.bandwidthMbps))")
                }
                if g.weight.isFinite, control.weight.isFinite {
                    parts.append("weight \(TradeoffText.weight(g.weight)) against \(TradeoffText.weight(control.weight))")
                }
                if g.flagsRelays > 0 { parts.append(TradeoffText.lost(g.flagsLost) ?? "no flag lost") }
                // Memory alone is the line above: a trade-off needs something beside it.
                guard parts.count > 1 else { continue }
                lines.append("Trade-off of \(name(g.group)) against the control: " + parts.joined(separator: ", ") + ".")
            }
        }
        return lines
    }

    static func gbText(_ v: Double, _ metric: Metric = .rss) -> String { metric.text(v) }
}
