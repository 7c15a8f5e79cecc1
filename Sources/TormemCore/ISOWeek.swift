/// An ISO 8601 week (weeks start on Monday; week 1 holds the year's first Thursday), so a week that
/// spans New Year belongs to exactly one labelled year: `2025-W52`, `2026-W01`.
public struct ISOWeek: Equatable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var week: Int

    public init(year: Int, week: Int) { self.year = year; self.week = week }

    public init(_ date: CivilDate) {
        let days = date.daysSinceEpoch
        let weekday = date.isoWeekday
        // The Thursday of this week decides the ISO year.
        let thursday = CivilDate(daysSinceEpoch: days - weekday + 4)
        year = thursday.year
        let jan1 = CivilDate(year: thursday.year, month: 1, day: 1).daysSinceEpoch
        week = (thursday.daysSinceEpoch - jan1) / 7 + 1
    }

    public init(_ t: Timestamp) { self.init(t.date) }

    /// The Monday that starts the week.
    public var monday: CivilDate {
        let jan4 = CivilDate(year: year, month: 1, day: 4)
        let week1Monday = jan4.daysSinceEpoch - (jan4.isoWeekday - 1)
        return CivilDate(daysSinceEpoch: week1Monday + (week - 1) * 7)
    }

    public static func < (a: ISOWeek, b: ISOWeek) -> Bool { (a.year, a.week) < (b.year, b.week) }

    /// `2025-W52`.
    public var description: String { pad(year, 4) + "-W" + pad(week, 2) }
}
