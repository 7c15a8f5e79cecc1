import TormemCore
import TormemData
import TormemPlot

/// The number of running relays as a series: a step line in a thin panel under the memory panels
/// of `memory_usage`, drawn only when the count changes at all. The memory panels mark only the
/// lasting changes (`RelayCountChange.lasting`); every single change is a step here.
enum RelayCountStrip {
    /// The strip's height relative to the memory panels (1.15 and 1).
    static let weight = 0.5

    /// The strip, or nil when the count never changes (the subtitle already says it).
    static func panel(_ s: AggregateSeries, theme: Theme, start: Double, end: Double) -> PlotPanel? {
        let known = s.relays.filter { $0 >= 0 }
        guard let lo = known.min(), let hi = known.max(), lo < hi else { return nil }
        // A little room above and below, so the highest and lowest steps are not on the frame.
        let pad = max(0.5, Double(hi - lo) * 0.1)
        let gaps = GapBreaks(times: s.times)
        let (xs, ys) = steps(xs: gaps.xs, ys: gaps.ys(s.relays.map { $0 >= 0 ? Double($0) : .nan }))
        let latest = known.last.map { "latest \(NumberFormat.grouped($0))" } ?? ""
        let changes = RelayCountChange.detect(s).count
        // No title and no y label: the legend names the line, and the strip keeps its height for it.
        return PlotPanel(title: nil, x: .time(start: start, end: end), y: YAxis(label: "", lo: Double(lo) - pad, hi: Double(hi) + pad, wholeNumbers: true),
                         layers: [.line(LineLayer(xs: xs, ys: ys, color: theme.mutedText, width: 2))],
                         legend: [LegendEntry("relays running (\(latest), \(ChartText.plural(changes, "change")))", color: theme.mutedText)])
    }

    /// A step line through (xs, ys): each value holds until the next sample, where the line rises
    /// or falls straight up or down. NaN breaks the line as in `ys`.
    static func steps(xs: [Double], ys: [Double]) -> ([Double], [Double]) {
        var outX: [Double] = [], outY: [Double] = []
        for i in xs.indices {
            if i > 0, !ys[i - 1].isNaN, !ys[i].isNaN, ys[i] != ys[i - 1] {
                outX.append(xs[i]); outY.append(ys[i - 1])
            }
            outX.append(xs[i]); outY.append(ys[i])
        }
        return (outX, outY)
    }
}
