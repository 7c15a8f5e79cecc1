import Testing
import TormemCore
@testable import TormemData

/// Per-group bandwidth, weight, flags and allocators against the control, and restarts as events.
struct TradeoffAnalysisTests {
    struct Relay {
        var name: String, group: String, mbps: Double, flags: String, weight: Int, allocator: String
        var restartHour: Int? = nil
    }

    static let relays = [
        Relay(name: "a1", group: "A", mbps: 38, flags: "Fast Guard Running Stable V2Dir Valid", weight: 20000, allocator: "glibc"),
        Relay(name: "a2", group: "A", mbps: 40, flags: "Fast Guard Running Stable V2Dir Valid", weight: 20000, allocator: "glibc"),
        Relay(name: "a3", group: "A", mbps: 42, flags: "Fast Guard Running Stable V2Dir Valid", weight: 20000, allocator: "glibc"),
        Relay(name: "b1", group: "B", mbps: 28, flags: "Fast Running Stable Valid", weight: 12000, allocator: "jemalloc"),
        Relay(name: "b2", group: "B", mbps: 30, flags: "Fast Running Stable Valid", weight: 12000, allocator: "jemalloc"),
        Relay(name: "b3", group: "B", mbps: 32, flags: "Fast Guard Running Stable Valid", weight: 12000, allocator: "glibc"),
        Relay(name: "c1", group: "C", mbps: 40, flags: "Fast Guard Running Stable V2Dir Valid", weight: 21000, allocator: "mimalloc 2.0", restartHour: 50),
        Relay(name: "c2", group: "C", mbps: 40, flags: "Fast Guard Running Stable V2Dir Valid", weight: 21000, allocator: "mimalloc 2.0", restartHour: 50),
        Relay(name: "c3", group: "C", mbps: 40, flags: "Fast Guard Running Stable V2Dir Valid", weight: 21000, allocator: "mimalloc 2.0"),
    ]

    static func csv() -> String { csvOf(relays) }

    static func inputs() throws -> ChartInputs {
        let file = try load(csv())
        var options = ChartInputs.Options()
        options.control = "A"
        return ChartInputs(files: [file], side: SideFiles(), options: options)
    }

    @Test func bandwidthPerGroupAgainstTheControl() throws {
        let t = try #require(try Self.inputs().tradeoffs)
        let a = try #require(t.group("A")), b = try #require(t.group("B")), c = try #require(t.group("C"))
        #expect(abs(a.bandwidthMbps - 40) < 1e-9 && abs(b.bandwidthMbps - 30) < 1e-9 && abs(c.bandwidthMbps - 40) < 1e-9)
        #expect(a.bandwidthRelays == 3 && a.vsControl == nil)
        let vs = try #require(b.vsControl)
        #expect(abs(vs.percent - -25) < 1e-9)
        #expect(try #require(vs.low) < -25 && (try #require(vs.high)) > -25 && (try #require(vs.high)) < 0)
        #expect(try #require(a.bandwidthLow) < 40 && (try #require(a.bandwidthHigh)) > 40)
        #expect(abs(b.weight - 12000) < 1e-9 && abs(c.weight - 21000) < 1e-9)
    }

    @Test func flagsMostOfTheControlHoldAndMostOfTheGroupDoNotAreLost() throws {
        let t = try #require(try Self.inputs().tradeoffs)
        #expect(t.group("A")?.flagsHeld == ["Fast", "Guard", "Running", "Stable", "V2Dir", "Valid"])
        #expect(t.group("B")?.flagsLost == ["Guard", "V2Dir"])   // b3 holds Guard: one of three
        #expect(t.group("C")?.flagsLost == [])
    }

    @Test func aRelayWithAnotherAllocatorThanItsGroupIsNamed() throws {
        let inputs = try Self.inputs()
        let b = try #require(inputs.tradeoffs?.group("B"))
        #expect(b.allocator == "jemalloc")
        #expect(b.allocatorMismatches.map(\.name) == ["b3"] && b.allocatorMismatches.map(\.allocator) == ["glibc"])
        #expect(inputs.tradeoffs?.group("C")?.allocator == "mimalloc")
        #expect(inputs.warnings.contains { $0.message.contains("group B: b3 (glibc) does not run the group's allocator (jemalloc)") },
                "\(inputs.warnings)")
    }

    @Test func restartsSeenInTheDataAreEventsAndRestartTheRuleWindow() throws {
        let inputs = try Self.inputs()
        let events = inputs.timeline?.events ?? []
        #expect(events.count == 1)
        let e = try #require(events.first)
        #expect(e.type == "restart" && e.group == "C" && e.concerns("C") && !e.concerns("A"))
        #expect(e.description == "restarted: 2 of 3: c1, c2")
        #expect(e.time.iso8601 == "2026-03-03T01:50:00")
        // One relay of three is a relay restart: drawn, the group's window left alone.
        var one = Self.relays
        one[7].restartHour = nil
        let solo = RestartEvents.events(RelayTable(relays: try load(Self.csvOf(one)).relays.relays))
        #expect(solo.map(\.type) == ["relay restart"])
    }

    static func csvOf(_ rs: [Relay]) -> String {
        var text = UnifiedColumns.all.joined(separator: ",") + "\n"
        let t0 = TimestampParser.timestamp("2026-03-01T00:00:00")!.seconds
        for h in 0..<72 {
            let t = Timestamp(seconds: t0 + Int64(h) * 3600).iso8601
            for r in rs {
                var started = "2026-02-28T10:00:00"
                if let rh = r.restartHour, h >= rh { started = Timestamp(seconds: t0 + Int64(rh) * 3600 - 600).iso8601 }
                let written = Int(r.mbps * 1e6 / 8 * 86_400)
                text += "\(t),host,relay,,\(r.name),\(r.group),\(1_000_000 + h * 1000),,,,,,,,,\(started),\(r.allocator),\(written),\(written),\(r.flags),\(r.weight)\n"
            }
        }
        return text
    }

    @Test func dataWithoutFactsHasNoTradeoffs() throws {
        let file = try load("timestamp,server,type,nickname,group,rss_kb,total_kb\n2026-03-01T00:00:00,h,relay,r1,A,1000,\n2026-03-02T00:00:00,h,relay,r1,A,1000,\n")
        let inputs = ChartInputs(files: [file], side: SideFiles())
        #expect(inputs.groups != nil && inputs.tradeoffs == nil && inputs.timeline == nil)
    }
}
