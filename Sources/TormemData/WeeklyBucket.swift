import TormemCore

/// One ISO week of aggregate data: the average total memory and the fewest and most relays seen.
public struct WeeklyBucket: Equatable, Sendable {
    public var week: ISOWeek
    public var averageTotalKB: Double
    public var maxRelays: Int
    /// The fewest relays seen that week (-1 when unknown); below `maxRelays` when the count changed.
    public var minRelays: Int
    public var samples: Int
    /// Days of the week (1–7) with at least one sample.
    public var days: Int

    public init(week: ISOWeek, averageTotalKB: Double, maxRelays: Int, samples: Int, minRelays: Int? = nil, days: Int = 7) {
        self.week = week; self.averageTotalKB = averageTotalKB; self.maxRelays = maxRelays; self.samples = samples
        self.minRelays = minRelays ?? maxRelays; self.days = days
    }

    /// True when some days of the week have no data: the data (or `--since`/`--last`) starts or
    /// ends inside the week, or the collector missed whole days.
    public var isPartial: Bool { days < 7 }

    /// True when the relay count changed inside the week.
    public var relayCountChanged: Bool { minRelays >= 0 && minRelays < maxRelays }

    /// Groups a series by ISO week, in time order. Weeks without samples are not invented.
    public static func buckets(_ s: AggregateSeries) -> [WeeklyBucket] {
        var out: [WeeklyBucket] = []
        var sum = 0.0
        var n = 0
        var maxRelays = -1
        var minRelays = Int.max
        var current: ISOWeek?
        var currentDay = Int.min
        var days = 0, lastCountedDay = Int.min
        func flush() {
            if let w = current, n > 0 {
                out.append(WeeklyBucket(week: w, averageTotalKB: sum / Double(n), maxRelays: maxRelays, samples: n,
                                        minRelays: minRelays == .max ? -1 : minRelays, days: days))
            }
        }
        for i in 0..<s.count {
            let day = Int(floorDiv(s.times[i], 86_400))
            if day != currentDay {
                currentDay = day
                let w = ISOWeek(CivilDate(daysSinceEpoch: day))
                if w != current {
                    flush()
                    current = w; sum = 0; n = 0; maxRelays = -1; minRelays = .max; days = 0
                }
            }
            guard !s.totalKB[i].isNaN else { continue }
            if day != lastCountedDay { days += 1; lastCountedDay = day }
            sum += s.totalKB[i]
            n += 1
            maxRelays = max(maxRelays, s.relays[i])
            if s.relays[i] >= 0 { minRelays = min(minRelays, s.relays[i]) }
        }
        flush()
        return out
    }
}
