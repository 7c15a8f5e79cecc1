import Testing
@testable import TormemCollect

@Suite struct BandwidthHistoryTests {
    /// A state file as tor 0.4.8 writes it (the Dir and IPv6 histories are other lines).
    static let state = """
    # Tor state file last generated on 2025-09-18 14:01:50 local time
    # Other times below are in UTC
    # You *do not* need to edit this file.

    BWHistoryDirReadEnds 2025-09-19 12:00:00
    BWHistoryDirReadInterval 86400
    BWHistoryDirReadMaxima 5120,4096
    BWHistoryDirReadValues 200704,301056
    BWHistoryIPv6ReadEnds 2025-09-19 12:00:00
    BWHistoryIPv6ReadInterval 86400
    BWHistoryIPv6ReadValues 0,0
    BWHistoryReadEnds 2025-09-19 12:00:00
    BWHistoryReadInterval 86400
    BWHistoryReadMaxima 18989056,18989056,17825792
    BWHistoryReadValues 192993280,1000000000000,52428800
    BWHistoryWriteEnds 2025-09-19 12:00:00
    BWHistoryWriteInterval 86400
    BWHistoryWriteMaxima 18989056,18989056,17825792
    BWHistoryWriteValues 193027072,1010000001024,53477376
    Dormant 0
    LastWritten 2025-09-18 14:01:50
    TorVersion Tor 0.4.8.16

    """

    @Test func theLastCompleteIntervalNotTheRunningOne() {
        let (h, problem) = BandwidthHistory.parse(Self.state)
        #expect(problem == nil)
        #expect(h == BandwidthHistory(readPerDay: 1_000_000_000_000, writtenPerDay: 1_010_000_001_024))
    }

    @Test func otherIntervalsAreScaledToADay() {
        let text = "BWHistoryReadInterval 900\nBWHistoryReadValues 1,10800000,5\nBWHistoryWriteInterval 3600\nBWHistoryWriteValues 7,1000,0\n"
        let (h, problem) = BandwidthHistory.parse(text)
        #expect(problem == nil)
        #expect(h.readPerDay == 10_800_000 * 96)
        #expect(h.writtenPerDay == 24_000)
        // Without an interval line: tor's default, 900 s.
        #expect(BandwidthHistory.parse("BWHistoryReadValues 5,100,3\n").history.readPerDay == 9600)
        // An interval that does not divide a day: exact, rounded down.
        #expect(BandwidthHistory.parse("BWHistoryReadInterval 7\nBWHistoryReadValues 10,1,0\n").history.readPerDay == 12_342)
    }

    @Test(arguments: ["", "BWHistoryReadValues\n", "BWHistoryReadValues 5\n", "BWHistoryReadValues ,,\n", "BWHistoryReadInterval 86400\n"])
    func fewerThanTwoValuesAreNotKnownAndNoProblem(_ text: String) {
        let (h, problem) = BandwidthHistory.parse(text)
        #expect(h.isEmpty && problem == nil)
    }

    @Test func aLaterLineOverridesAnEarlierOne() {
        let text = "BWHistoryReadValues 1,2,3\nBWHistoryReadInterval 86400\nBWHistoryReadValues 4,86400,6\n"
        #expect(BandwidthHistory.parse(text).history.readPerDay == 86_400)
    }

    @Test(arguments: [
        ("BWHistoryReadValues 1,99999999999999999999999,3\n", "BWHistoryReadValues: expected whole numbers of bytes"),
        ("BWHistoryReadValues 1,-4,3\n", "found \"-4\""),
        ("BWHistoryReadValues 1,abc,3\n", "found \"abc\""),
        ("BWHistoryReadInterval 0\nBWHistoryReadValues 1,2,3\n", "BWHistoryReadInterval: expected a whole number of seconds above 0, found \"0\""),
        ("BWHistoryReadInterval soon\nBWHistoryReadValues 1,2,3\n", "found \"soon\""),
        ("BWHistoryReadInterval 1\nBWHistoryReadValues 1,\(Int.max / 2),3\n", "is beyond \(Int.max) bytes per day"),
    ])
    func badValuesLeaveThatDirectionEmptyWithOneProblem(_ bad: String, _ message: String) {
        let (h, problem) = BandwidthHistory.parse(bad + "BWHistoryWriteInterval 86400\nBWHistoryWriteValues 5,6,7\n")
        #expect(h.readPerDay == nil)
        #expect(h.writtenPerDay == 6)
        #expect(problem?.contains(message) == true, "\(problem ?? "nil")")
    }

    @Test func scalingNeverOverflows() {
        #expect(BandwidthHistory.scaled(Int.max, interval: 86_400) == Int.max)
        #expect(BandwidthHistory.scaled(Int.max, interval: Int.max) == 86_400)
        #expect(BandwidthHistory.scaled(Int.max, interval: 86_399) == nil)
        #expect(BandwidthHistory.scaled(0, interval: 1) == 0)
    }

    @Test func binaryGarbageGivesNothing() {
        let junk = String(decoding: (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }, as: UTF8.self)
        #expect(BandwidthHistory.parse(junk).history.isEmpty)
    }
}
