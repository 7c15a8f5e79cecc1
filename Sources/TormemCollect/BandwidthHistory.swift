/// tor's own bandwidth history, from the `state` file in its DataDirectory: `BWHistoryReadValues`
/// and `BWHistoryWriteValues` are the bytes of successive intervals of `BWHistory…Interval`
/// seconds (oldest first), the last one ending at `BWHistory…Ends`. That last one is still running
/// (incomplete): the one before it is the last complete interval, given here in bytes per day
/// (value × 86400 / interval). tor writes the file now and then, so it may lag by hours.
public struct BandwidthHistory: Equatable, Sendable {
    /// Bytes read per day in the last complete interval; nil with fewer than two values.
    public var readPerDay: Int?
    /// Bytes written per day in the last complete interval; nil with fewer than two values.
    public var writtenPerDay: Int?

    public init(readPerDay: Int? = nil, writtenPerDay: Int? = nil) {
        self.readPerDay = readPerDay; self.writtenPerDay = writtenPerDay
    }

    public var isEmpty: Bool { readPerDay == nil && writtenPerDay == nil }

    /// tor's interval when the file names none (`BWHistoryReadInterval`'s default).
    public static let defaultInterval = 900

    /// The history of a state file's text. A history that cannot be used (a value that is no
    /// whole number or beyond `Int`, an interval of 0) is left out and the first such problem
    /// returned; the other direction's history is kept.
    public static func parse(_ text: String) -> (history: BandwidthHistory, problem: String?) {
        var lines: [String: Substring] = [:]
        let keys: Set<String> = ["BWHistoryReadValues", "BWHistoryReadInterval", "BWHistoryWriteValues", "BWHistoryWriteInterval"]
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            guard line.hasPrefix("BWHistory") else { continue }
            let key = String(line.prefix { $0 != " " && $0 != "\t" })
            guard keys.contains(key) else { continue }
            lines[key] = line.dropFirst(key.count)   // a later line overrides an earlier one, as in torrc
        }
        var problem: String?
        func perDay(_ direction: String) -> Int? {
            do {
                return try lastCompletePerDay(values: lines["BWHistory\(direction)Values"],
                                              interval: lines["BWHistory\(direction)Interval"], direction: direction)
            } catch {
                if problem == nil { problem = error.reason }
                return nil
            }
        }
        let history = BandwidthHistory(readPerDay: perDay("Read"), writtenPerDay: perDay("Write"))
        return (history, problem)
    }

    /// The second-last value of `values` (comma-separated bytes) per day; nil with fewer than two.
    static func lastCompletePerDay(values: Substring?, interval: Substring?, direction: String) throws(FactError) -> Int? {
        guard let values else { return nil }
        let list = values.split(separator: ",").map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
        guard list.count >= 2 else { return nil }
        let text = list[list.count - 2]
        guard let bytes = WholeNumber.parse(text) else {
            throw FactError("BWHistory\(direction)Values: expected whole numbers of bytes (at most \(Int.max)) separated by commas, found \(WholeNumber.quote(Array(text.utf8)))")
        }
        var seconds = defaultInterval
        if let interval {
            let t = interval.trimmingWhitespace
            guard let s = WholeNumber.parse(t), s > 0 else {
                throw FactError("BWHistory\(direction)Interval: expected a whole number of seconds above 0, found \(WholeNumber.quote(Array(t.utf8)))")
            }
            seconds = s
        }
        guard let perDay = scaled(bytes, interval: seconds) else {
            throw FactError("BWHistory\(direction)Values: \(bytes) bytes in \(seconds) s is beyond \(Int.max) bytes per day")
        }
        return perDay
    }

    /// `bytes × 86400 / interval` without overflow in between; nil when the result is beyond `Int`.
    static func scaled(_ bytes: Int, interval: Int) -> Int? {
        let (q, r) = bytes.quotientAndRemainder(dividingBy: interval)
        let (whole, o1) = q.multipliedReportingOverflow(by: 86_400)
        // r < interval, so r × 86400 / interval < 86400: exact in 128 bits.
        let part = interval.dividingFullWidth(r.multipliedFullWidth(by: 86_400)).quotient
        let (sum, o2) = whole.addingReportingOverflow(part)
        return o1 || o2 ? nil : sum
    }
}
