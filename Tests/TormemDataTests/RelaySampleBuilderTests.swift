import Testing
import TormemCore
@testable import TormemData

/// The builder any source feeds: identities, duplicates, the aggregate of times without one.
@Suite struct RelaySampleBuilderTests {
    @Test func aSecondSampleAtOneTimeIsASecondRelayAndWarned() {
        var b = RelaySampleBuilder(source: "src")
        let host = b.server(named: "host")
        for (k, t) in [Int64(0), 3600].enumerated() {
            let r = b.relay(server: host, id: "same", nickname: "same", fingerprint: "", group: "", line: 10 * k + 1)
            b.add(relay: r, server: host, time: t, rssKB: 1000, value: 1000, line: 10 * k + 1)
            b.add(relay: r, server: host, time: t, rssKB: 3000, value: 3000, line: 10 * k + 2)
        }
        let (servers, relays, notes) = b.finish()
        #expect(relays.relays.map(\.info.nickname) == ["same", "same#2"])
        #expect(relays.relays[1].values == [3000, 3000])
        #expect(notes.count == 1)
        #expect(notes[0].message.contains("lines 1 and 2") && notes[0].message.contains("(in 2 collections)"))
        // Computed aggregate: both relays at both times.
        #expect(servers.count == 1 && servers[0].relays == [2, 2] && servers[0].totalKB == [4000, 4000])
    }

    @Test func anAggregateSampleWinsOverTheComputedOne() {
        var b = RelaySampleBuilder(source: "src")
        let host = b.server(named: "host")
        let r = b.relay(server: host, id: "a", nickname: "a", fingerprint: "", group: "", line: 1)
        b.add(relay: r, server: host, time: 0, rssKB: 1000, value: 1000, line: 1)
        b.add(relay: r, server: host, time: 60, rssKB: 1000, value: 1000, line: 2)
        b.addAggregate(server: host, AggregateSample(time: 60, relays: 5, totalKB: 9000, avgKB: 1800, minKB: 1, maxKB: 2), line: 3)
        let (servers, _, _) = b.finish()
        #expect(servers[0].times == [0, 60] && servers[0].totalKB == [1000, 9000] && servers[0].relays == [1, 5])
    }

    @Test func absorbingALaterPartKeepsItsDuplicates() {
        func part(_ lineBase: Int, time: Int64) -> RelaySampleBuilder {
            var b = RelaySampleBuilder(source: "src")
            let host = b.server(named: "host")
            let r = b.relay(server: host, id: "dup", nickname: "dup", fingerprint: "", group: "", line: lineBase)
            b.add(relay: r, server: host, time: time, rssKB: 1, value: 1, line: lineBase)
            if lineBase > 100 { b.add(relay: r, server: host, time: time, rssKB: 2, value: 2, line: lineBase + 1) }
            return b
        }
        var first = part(1, time: 0), second = part(101, time: 60)
        first.absorb(&second, lineOffset: 1000)
        let (_, relays, notes) = first.finish()
        #expect(relays.relays.map(\.info.nickname) == ["dup", "dup#2"])
        #expect(notes.map(\.line) == [1101])
        #expect(notes.first?.message.contains("lines 1101 and 1102") == true)
    }

    @Test func samplesWithoutTheQuantityCountInTheTotalsOnly() {
        var b = RelaySampleBuilder(source: "src", metrics: [.hwm])
        let host = b.server(named: "host")
        let r = b.relay(server: host, id: "a", nickname: "a", fingerprint: "", group: "", line: 1)
        b.add(relay: r, server: host, time: 0, rssKB: 1000, values: [1500], line: 1)
        b.addWithoutValue(server: host, time: 60, rssKB: 1000, line: 2)
        let (servers, relays, notes) = b.finish()
        #expect(relays.relays[0].times == [0] && relays.relays[0].metric == .hwm)
        #expect(servers[0].totalKB == [1000, 1000])
        #expect(notes.count == 1 && notes[0].message.hasPrefix("1 relay sample has no hwm_kb value"))
    }
}
