import TormemCore

/// `--since`, `--until` and `--last`: the part of the data every chart and the summary are drawn
/// from. Times are UTC. `since` is inclusive; `until` is inclusive, a bare date meaning the end of
/// that day; `last` is a duration back from the end (the `until` given, else the latest sample of
/// the data, so the same data gives the same charts whenever they are drawn).
public struct TimeWindow: Equatable, Sendable {
    /// Seconds since the epoch.
    public var since: Int64?
    public var until: Int64?
    /// Seconds.
    public var last: Int64?

    public init(since: Int64? = nil, until: Int64? = nil, last: Int64? = nil) {
        self.since = since; self.until = until; self.last = last
    }

    public var isEmpty: Bool { since == nil && until == nil && last == nil }

    /// Parses the options' texts; the message completes "expected …" for the first bad one, with
    /// the option's name.
    public static func parse(since: String?, until: String?, last: String?) -> Result<TimeWindow, WindowError> {
        var w = TimeWindow()
        if let since {
            guard let t = instant(since, endOfDay: false) else { return .failure(WindowError(option: "since", value: since, expected: instantExpected)) }
            w.since = t
        }
        if let until {
            guard let t = instant(until, endOfDay: true) else { return .failure(WindowError(option: "until", value: until, expected: instantExpected)) }
            w.until = t
        }
        if let last {
            guard let s = duration(last) else { return .failure(WindowError(option: "last", value: last, expected: durationExpected)) }
            w.last = s
        }
        if w.since != nil, w.last != nil {
            return .failure(WindowError(option: "last", value: last ?? "", expected: "either --since or --last, not both (each sets the start)"))
        }
        if let s = w.since, let u = w.until, s > u {
            return .failure(WindowError(option: "until", value: until ?? "", expected: "a time after --since \(since ?? "")"))
        }
        return .success(w)
    }

    public struct WindowError: Error, Equatable, Sendable {
        public var option: String
        public var value: String
        public var expected: String
        /// `since VALUE: expected …` (the caller adds the dashes).
        public var message: String { "\(option) \(MessageText.quoted(value)): expected \(expected)" }
    }

    static let instantExpected = "a UTC date or time like 2025-09-18 or 2025-09-18T06:00"
    static let durationExpected = "a duration like 30d, 12h or 2w (hours, days or weeks)"

    /// `YYYY-MM-DD` (midnight, or the day's last second for `endOfDay`) or an ISO 8601 date-time.
    static func instant(_ text: String, endOfDay: Bool) -> Int64? {
        var text = text
        return text.withUTF8 { b -> Int64? in
            if let d = TimestampParser.date(b) { return Int64(d.daysSinceEpoch) * 86_400 + (endOfDay ? 86_399 : 0) }
            return TimestampParser.timestamp(b)?.seconds
        }
    }

    /// `N` followed by `h`, `d` or `w`; at least one hour, at most 100 years.
    static func duration(_ text: String) -> Int64? {
        guard let unit = text.last, let n = Int64(text.dropLast()), n > 0 else { return nil }
        let seconds: Int64
        switch unit {
        case "h": seconds = 3600
        case "d": seconds = 86_400
        case "w": seconds = 7 * 86_400
        default: return nil
        }
        guard n <= 100 * 366 * 86_400 / seconds else { return nil }
        return n * seconds
    }

    /// The bounds for data that ends at `end` (its latest sample): `last` counts back from
    /// `until`, else from `end`.
    public func bounds(dataEnd end: Int64?) -> (from: Int64?, to: Int64?) {
        guard let last else { return (since, until) }
        let anchor = until ?? end
        return (anchor.map { $0 - last }, until)
    }
}
