import Testing
import TormemCore
@testable import TormemData

@Suite struct TimeWindowTests {
    func window(since: String? = nil, until: String? = nil, last: String? = nil) throws -> TimeWindow {
        try TimeWindow.parse(since: since, until: until, last: last).get()
    }

    func error(since: String? = nil, until: String? = nil, last: String? = nil) -> String? {
        if case .failure(let e) = TimeWindow.parse(since: since, until: until, last: last) { return e.message }
        return nil
    }

    @Test func parsesDatesTimesAndDurations() throws {
        let w = try window(since: "2025-09-20", until: "2025-10-01")
        #expect(w.since == Timestamp(date: CivilDate(year: 2025, month: 9, day: 20)).seconds)
        // A bare date as the end means the whole day.
        #expect(w.until == Timestamp(date: CivilDate(year: 2025, month: 10, day: 1)).seconds + 86_399)
        #expect(try window(until: "2025-10-01T06:30").until == Timestamp(date: CivilDate(year: 2025, month: 10, day: 1), hour: 6, minute: 30).seconds)
        #expect(try window(since: "2025-10-01T06:30:00+02:00").since == Timestamp(date: CivilDate(year: 2025, month: 10, day: 1), hour: 4, minute: 30).seconds)
        #expect(try window(last: "12h").last == 12 * 3600)
        #expect(try window(last: "30d").last == 30 * 86_400)
        #expect(try window(last: "2w").last == 14 * 86_400)
        #expect(try window().isEmpty)
    }

    @Test func rejectsWhatIsNotAWindow() {
        #expect(error(since: "yesterday") == "since \"yesterday\": expected a UTC date or time like 2025-09-18 or 2025-09-18T06:00")
        #expect(error(until: "2025-02-30")?.hasPrefix("until \"2025-02-30\": expected") == true)
        for bad in ["30", "d", "0d", "-3d", "1.5d", "30m", "99999999999w", ""] {
            #expect(error(last: bad) == "last \(MessageText.quoted(bad)): expected a duration like 30d, 12h or 2w (hours, days or weeks)", "\(bad)")
        }
        #expect(error(since: "2025-09-20", last: "3d") == "last \"3d\": expected either --since or --last, not both (each sets the start)")
        #expect(error(since: "2025-10-02", until: "2025-10-01") == "until \"2025-10-01\": expected a time after --since 2025-10-02")
    }

    @Test func cutsUnifiedSeriesAndDropsRelaysWithNothingLeft() throws {
        let text = unifiedHeader + """
            2025-01-01T00:00:00,h,relay,,early,,1000,,,,,,,,
            2025-01-01T00:00:00,h,relay,,both,,1000,,,,,,,,
            2025-01-02T00:00:00,h,relay,,both,,2000,,,,,,,,
            2025-01-03T00:00:00,h,relay,,both,,3000,,,,,,,,
            2025-01-03T00:00:00,h,aggregate,,,,,,,,1,3000,3000,3000,3000
            2025-01-04T00:00:00,h,relay,,both,,4000,,,,,,,,

            """
        let f = try load(text)
        let w = try window(since: "2025-01-02", until: "2025-01-03")
        let cut = try w.apply(to: [f], experimentStart: nil, options: "--since 2025-01-02 --until 2025-01-03")
        let relays = cut.files[0].relays.relays
        #expect(relays.map(\.info.nickname) == ["both"])
        #expect(relays[0].values == [2000, 3000])
        #expect(cut.files[0].servers.allSatisfy { $0.times.allSatisfy { w.since! <= $0 && $0 <= w.until! } })
        // Relay samples are counted (the aggregate rows summarise the same collections).
        #expect(cut.applied.kept == 2 && cut.applied.outside == 3)
        #expect(cut.applied.text == "2025-01-02 00:00 → 2025-01-03 23:59 UTC (--since 2025-01-02 --until 2025-01-03); 3 of 5 samples outside left out")
    }

    @Test func lastCountsBackFromTheLatestSampleNotFromNow() throws {
        let f = try DataLoader.load(path: fixture("synthetic/monitor_daily_120.csv"))
        let cut = try window(last: "7d").apply(to: [f], experimentStart: nil, options: "--last 7d")
        let times = cut.files[0].servers[0].times
        // 120 daily samples from 2024-01-01: the last 7 days back from the last one, both ends in.
        #expect(times.count == 8)
        #expect(times.last == f.servers[0].times.last)
        #expect(times.first == f.servers[0].times.last! - 7 * 86_400)
        // With --until, --last counts back from it (a bare date: from the end of that day).
        let until = try window(until: "2024-01-10", last: "2d").apply(to: [f], experimentStart: nil, options: "")
        #expect(until.files[0].servers[0].times.map { Timestamp(seconds: $0).date.description } == ["2024-01-09", "2024-01-10"])
    }

    @Test func nothingInsideIsAnInputErrorSayingWhatTheDataCovers() throws {
        let f = try DataLoader.load(path: fixture("synthetic/monitor_daily_120.csv"))
        #expect(throws: TormemError.self) { try window(since: "2030-01-01").apply(to: [f], experimentStart: nil, options: "--since 2030-01-01") }
        do {
            _ = try window(since: "2030-01-01").apply(to: [f], experimentStart: nil, options: "--since 2030-01-01")
        } catch {
            #expect("\(error)".contains("no data in the time window 2030-01-01 00:00 → … UTC (--since 2030-01-01); the data covers 2024-01-01 02:00 → "))
        }
    }

    @Test func experimentTablesUseTheStartDateOrTheirLastDays() throws {
        let f = try DataLoader.load(path: fixture("synthetic/experiment_25relays.csv"))
        let table = try #require(f.daily)
        // --last needs no date: the last 3 days.
        let last = try window(last: "3d").apply(to: [f], experimentStart: nil, options: "--last 3d")
        #expect(last.files[0].daily?.days == Array(table.days.suffix(3)))
        #expect(last.files[0].daily?.relays.count == table.relays.count)
        // --since needs day 0's date.
        #expect(throws: TormemError.self) { try window(since: "2025-01-03").apply(to: [f], experimentStart: nil, options: "") }
        let start = Timestamp(date: CivilDate(year: 2025, month: 1, day: 1))
        let since = try window(since: "2025-01-03", until: "2025-01-04").apply(to: [f], experimentStart: start, options: "")
        #expect(since.files[0].daily?.days == table.days.filter { $0 == 2 || $0 == 3 })
    }

    @Test func aSnapshotIsKeptWhenCollectedInside() throws {
        let f = try DataLoader.load(path: fixture("synthetic/snapshot_60relays.csv"))   // collected 2025-12-25 02:00
        let inside = try window(since: "2025-12-25").apply(to: [f], experimentStart: nil, options: "")
        #expect(inside.files.count == 1)
        #expect(throws: TormemError.self) { try window(until: "2025-12-24").apply(to: [f], experimentStart: nil, options: "") }
    }
}
