import Testing
@testable import TormemData
import TormemCore

@Suite struct TimestampParserTests {
    @Test(arguments: [
        ("2025-09-18T12:34:56", "2025-09-18T12:34:56"),
        ("2025-09-18 12:34:56", "2025-09-18T12:34:56"),
        ("2025-09-18T12:34", "2025-09-18T12:34:00"),
        ("2025-09-18T12:34:56Z", "2025-09-18T12:34:56"),
        ("2025-09-18", "2025-09-18T00:00:00"),
        ("2024-02-29T23:59:59", "2024-02-29T23:59:59"),
    ])
    func parsesIsoForms(input: String, expected: String) throws {
        let t = try #require(TimestampParser.timestamp(input))
        #expect(t.iso8601 == expected)
    }

    @Test(arguments: ["", "2025-13-01", "2025-02-30", "2023-02-29", "abc", "2025-09-18T25:00:00",
                      "2025-09-18T12:60:00", "2025/09/18", "20250918"])
    func rejectsInvalid(input: String) {
        #expect(TimestampParser.timestamp(input) == nil)
    }

    @Test func epochRoundTrip() {
        for day in stride(from: -1000, through: 30_000, by: 37) {
            let d = CivilDate(daysSinceEpoch: day)
            #expect(d.daysSinceEpoch == day)
            #expect(d.isValid)
        }
        #expect(CivilDate(daysSinceEpoch: 0) == CivilDate(year: 1970, month: 1, day: 1))
        #expect(Timestamp(date: CivilDate(year: 2025, month: 9, day: 18), hour: 1).seconds == 1_758_157_200)
    }
}
