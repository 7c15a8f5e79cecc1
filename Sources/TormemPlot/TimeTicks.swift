import TormemCore

/// Date ticks for a time axis: the finest calendar step (minutes → hours → days → weeks → months →
/// years) whose labels fit side by side without touching.
public enum TimeTicks {
    public struct Tick: Equatable, Sendable {
        public var seconds: Double
        public var label: String
    }

    enum Unit: Equatable { case second, minute, hour, day, week, month, year }

    static let candidates: [(Unit, Int)] = [
        (.second, 1), (.second, 2), (.second, 5), (.second, 10), (.second, 15), (.second, 30),
        (.minute, 1), (.minute, 5), (.minute, 10), (.minute, 15), (.minute, 30),
        (.hour, 1), (.hour, 2), (.hour, 3), (.hour, 6), (.hour, 12),
        (.day, 1), (.day, 2), (.week, 1), (.week, 2),
        (.month, 1), (.month, 2), (.month, 3), (.month, 6),
        (.year, 1), (.year, 2), (.year, 5), (.year, 10), (.year, 20), (.year, 50), (.year, 100),
    ]

    /// Ticks inside `start...end` for an axis `width` device units wide.
    /// `measure` gives a label's width; labels keep at least `gap` between them.
    /// Steps finer than `minStep` seconds (the sampling interval) are not used when a coarser one fits.
    public static func make(start: Double, end: Double, width: Double, gap: Double, minStep: Double = 0,
                            measure: (String) -> Double) -> [Tick] {
        guard end > start, width > 0 else {
            let t = Timestamp(seconds: Int64(start.rounded(.down)))
            return [Tick(seconds: start, label: t.date.description)]
        }
        let crossesYear = Timestamp(seconds: Int64(start)).date.year != Timestamp(seconds: Int64(end)).date.year
        for (unit, step) in candidates {
            let approx = (end - start) / approxSeconds(unit, step)
            // Cheap pre-check before generating: labels are at least ~3 characters wide.
            if approx > width / (gap + 24) { continue }
            if approxSeconds(unit, step) < minStep * 0.99, approxSeconds(unit, step) * 2 < end - start { continue }
            let ticks = generate(unit: unit, step: step, start: start, end: end, crossesYear: crossesYear)
            if ticks.count < 2, unit != .year { continue }
            if fits(ticks, start: start, end: end, width: width, gap: gap, measure: measure) { return ticks }
        }
        return generate(unit: .year, step: 1000, start: start, end: end, crossesYear: crossesYear)
    }

    static func fits(_ ticks: [Tick], start: Double, end: Double, width: Double, gap: Double,
                     measure: (String) -> Double) -> Bool {
        var prevRight = -Double.infinity
        for t in ticks {
            let x = (t.seconds - start) / (end - start) * width
            let w = measure(t.label)
            // Leave at least half a label of air on top of the gap, so the axis stays calm.
            if x - w / 2 < prevRight + gap + w / 2 { return false }
            prevRight = x + w / 2
        }
        return true
    }

    static func approxSeconds(_ u: Unit, _ step: Int) -> Double {
        let s: Double
        switch u {
        case .second: s = 1
        case .minute: s = 60
        case .hour: s = 3600
        case .day: s = 86_400
        case .week: s = 604_800
        case .month: s = 2_629_746
        case .year: s = 31_556_952
        }
        return s * Double(step)
    }

    static func generate(unit: Unit, step: Int, start: Double, end: Double, crossesYear: Bool) -> [Tick] {
        var out: [Tick] = []
        let s = Int64(start.rounded(.up)), e = Int64(end.rounded(.down))
        switch unit {
        case .second, .minute, .hour, .day:
            let size: Int64 = (unit == .second ? 1 : unit == .minute ? 60 : unit == .hour ? 3600 : 86_400) * Int64(step)
            var t = ceilDiv(s, size) * size
            while t <= e {
                out.append(Tick(seconds: Double(t), label: label(Timestamp(seconds: t), unit: unit, crossesYear: crossesYear)))
                t += size
            }
        case .week:
            // 1970-01-05 (day 4) was a Monday.
            let size = Int64(7 * step)
            var day = 4 + ceilDiv(ceilDiv(s, 86_400) - 4, size) * size
            while day * 86_400 <= e {
                let t = Timestamp(seconds: day * 86_400)
                out.append(Tick(seconds: Double(t.seconds), label: label(t, unit: .day, crossesYear: crossesYear)))
                day += size
            }
        case .month, .year:
            let months = unit == .month ? step : step * 12
            let d0 = Timestamp(seconds: s).date
            var index = d0.year * 12 + (d0.month - 1)
            if d0.day != 1 || Timestamp(seconds: s).secondOfDay != 0 { index += 1 }
            index = Int(ceilDiv(Int64(index), Int64(months))) * months
            while true {
                let date = CivilDate(year: index / 12, month: index % 12 + 1, day: 1)
                let t = Timestamp(date: date)
                if t.seconds > e { break }
                out.append(Tick(seconds: Double(t.seconds), label: label(t, unit: unit, crossesYear: crossesYear)))
                index += months
            }
        }
        return out
    }

    static func label(_ t: Timestamp, unit: Unit, crossesYear: Bool) -> String {
        let d = t.date
        let monthDay = CivilDate.monthAbbreviations[d.month - 1] + " " + String(d.day)
        switch unit {
        case .second:
            return t.clock(withSeconds: true)
        case .minute, .hour:
            return t.secondOfDay == 0 ? (crossesYear ? d.description : monthDay) : t.clock(withSeconds: false)
        case .day, .week:
            return crossesYear ? d.description : monthDay
        case .month:
            return CivilDate.monthAbbreviations[d.month - 1] + " " + String(d.year)
        case .year:
            return String(d.year)
        }
    }

    static func ceilDiv(_ a: Int64, _ b: Int64) -> Int64 { -floorDiv(-a, b) }
}
