import Testing
import TormemCore
@testable import TormemPlot

@Suite struct TimeTicksTests {
    /// 8 px per character: a stand-in for text measurement.
    func measure(_ s: String) -> Double { Double(s.count) * 8 }

    func ticks(span seconds: Double, width: Double = 1600) -> [TimeTicks.Tick] {
        let start = Double(Timestamp(date: CivilDate(year: 2025, month: 9, day: 9)).seconds)
        return TimeTicks.make(start: start, end: start + seconds, width: width, gap: 16, measure: measure)
    }

    static let spans: [Double] = [4, 90, 10_800, 86_400, 345_600, 2_592_000, 17_280_000, 34_560_000, 315_360_000]

    @Test(arguments: spans)
    func labelsNeverCollide(span: Double) {
        for width in [400.0, 900, 1600] {
            let t = ticks(span: span, width: width)
            #expect(t.count >= 1)
            let start = t.first!.seconds
            let px = { (s: Double) in (s - start) / max(span, 1) * width }
            for (a, b) in zip(t, t.dropFirst()) {
                #expect(b.seconds > a.seconds)
                let right = px(a.seconds) + measure(a.label) / 2
                let left = px(b.seconds) - measure(b.label) / 2
                #expect(left - right >= 16 - 1e-6, "\(a.label) / \(b.label) at width \(width)")
            }
        }
    }

    @Test func secondsForVeryShortSpans() {
        // A few collections seconds apart (trying `tormem collect` by hand) still get a labelled axis.
        let t = ticks(span: 4, width: 1600)
        #expect(t.count >= 2)
        #expect(t.allSatisfy { $0.label.split(separator: ":").count == 3 })
    }

    @Test func stepGrowsWithSpan() {
        let hours = ticks(span: 3600 * 6)
        let years = ticks(span: 86_400 * 3650)
        #expect(hours.contains { $0.label.contains(":") })
        #expect(years.allSatisfy { $0.label.count <= 7 })
    }

    @Test func ticksStayInsideTheRange() {
        let start = Double(Timestamp(date: CivilDate(year: 2025, month: 12, day: 20)).seconds)
        let end = start + 86_400 * 30
        let t = TimeTicks.make(start: start, end: end, width: 1200, gap: 16, measure: measure)
        #expect(t.allSatisfy { $0.seconds >= start && $0.seconds <= end })
        // Crossing a new year, some label names the year.
        #expect(t.contains { $0.label.contains("2026") })
    }
}
