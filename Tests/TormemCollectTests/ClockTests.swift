import Testing
import TormemData
@testable import TormemCollect

@Suite struct ClockTests {
    @Test func fixedClockAlwaysGivesTheSameTime() {
        let t = Timestamp(seconds: 1_766_628_000)
        let clock = Clock.fixed(t)
        #expect(clock.now() == t)
        #expect(clock.now().iso8601 == "2025-12-25T02:00:00")
    }

    @Test func systemClockIsAfter2025() {
        #expect(Clock.system.now().seconds > Timestamp(date: CivilDate(year: 2025, month: 1, day: 1)).seconds)
    }
}
