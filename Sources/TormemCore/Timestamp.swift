/// A moment as whole seconds since 1970-01-01T00:00:00 UTC. Times in the data carry no zone and are
/// taken as UTC; an explicit `Z` or `±HH:MM` suffix is honoured.
public struct Timestamp: Equatable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }

    public init(date: CivilDate, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        seconds = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.seconds < b.seconds }

    public var day: Int { Int(floorDiv(seconds, 86_400)) }
    public var date: CivilDate { CivilDate(daysSinceEpoch: day) }
    public var secondOfDay: Int { Int(seconds - Int64(day) * 86_400) }
    public var hour: Int { secondOfDay / 3600 }
    public var minute: Int { secondOfDay / 60 % 60 }
    public var second: Int { secondOfDay % 60 }

    /// `YYYY-MM-DDTHH:MM:SS`.
    public var description: String { iso8601 }
    public var iso8601: String { date.description + "T" + clock(withSeconds: true) }
    /// `YYYY-MM-DD HH:MM`.
    public var dateTimeMinutes: String { date.description + " " + clock(withSeconds: false) }

    public func clock(withSeconds: Bool) -> String {
        pad(hour, 2) + ":" + pad(minute, 2) + (withSeconds ? ":" + pad(second, 2) : "")
    }
}

/// Integer division rounded towards negative infinity (days before 1970 stay on their day).
@inlinable
public func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
