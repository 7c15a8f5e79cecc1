import Testing
@testable import TormemData
import TormemCore

@Suite struct ISOWeekTests {
    @Test(arguments: [
        ((2025, 12, 28), "2025-W52"),
        ((2025, 12, 29), "2026-W01"),   // Monday of week 1 of 2026
        ((2026, 1, 4), "2026-W01"),
        ((2026, 1, 5), "2026-W02"),
        ((2020, 12, 31), "2020-W53"),
        ((2021, 1, 3), "2020-W53"),     // early January belongs to the previous ISO year
        ((2024, 12, 30), "2025-W01"),
        ((2025, 9, 18), "2025-W38"),
    ])
    func weekOfDate(date: (Int, Int, Int), expected: String) {
        #expect(ISOWeek(CivilDate(year: date.0, month: date.1, day: date.2)).description == expected)
    }

    @Test func mondayIsInTheSameWeek() {
        for day in stride(from: 18_000, through: 21_000, by: 3) {
            let d = CivilDate(daysSinceEpoch: day)
            let w = ISOWeek(d)
            #expect(w.monday.isoWeekday == 1)
            #expect(ISOWeek(w.monday) == w)
            #expect(d.daysSinceEpoch - w.monday.daysSinceEpoch < 7)
        }
    }

    @Test func orderingAcrossNewYear() {
        #expect(ISOWeek(year: 2025, week: 52) < ISOWeek(year: 2026, week: 1))
    }
}
