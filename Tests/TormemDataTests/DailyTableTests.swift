import Testing
import TormemCore
@testable import TormemData

/// `DailyTable.aligned` walks each relay day by day; checked here against the sample-by-sample
/// definition (each sample's day from its group's start, summed in order) on random tables.
@Suite struct DailyTableTests {
    /// The definition, one sample at a time.
    static func reference(_ table: RelayTable, starts: [String: Int64]) -> DailyTable {
        var groupStarts: [String: Int64] = [:]
        for r in table.relays {
            guard let first = r.times.first else { continue }
            groupStarts[r.info.group] = min(groupStarts[r.info.group] ?? first, first)
        }
        for (g, t) in starts where groupStarts[g] != nil { groupStarts[g] = t }
        func day(_ t: Int64, _ g: String) -> Int { Int(floorDiv(t - groupStarts[g]!, 86_400)) }
        let days = Set(table.relays.flatMap { r in r.times.map { day($0, r.info.group) } }).sorted()
        let values = table.relays.map { r -> [Double] in
            var sums = [Double](repeating: 0, count: days.count), counts = [Int](repeating: 0, count: days.count)
            for (t, v) in zip(r.times, r.values) {
                let c = days.firstIndex(of: day(t, r.info.group))!
                sums[c] += v; counts[c] += 1
            }
            return days.indices.map { counts[$0] > 0 ? Memory(kib: sums[$0] / Double(counts[$0])).gb : .nan }
        }
        var out = DailyTable(days: days, relays: table.relays.map(\.info), values: values,
                             firstDate: groupStarts.values.min().map { Timestamp(seconds: $0).date })
        out.groupStarts = groupStarts
        return out
    }

    static func same(_ a: DailyTable, _ b: DailyTable) -> Bool {
        a.days == b.days && a.relays == b.relays && a.firstDate == b.firstDate && a.groupStarts == b.groupStarts
            && a.values.count == b.values.count
            && zip(a.values, b.values).allSatisfy { x, y in
                x.count == y.count && zip(x, y).allSatisfy { $0.bitPattern == $1.bitPattern }
            }
    }

    @Test func dayByDayEqualsSampleBySample() {
        var rng = SplitMix64(seed: 7)
        let t0: Int64 = 1_750_000_000
        for round in 0..<40 {
            var relays: [RelaySeries] = []
            for r in 0..<Int(rng.next() % 6) {
                let group = ["A", "B", ""][Int(rng.next() % 3)]
                var times: [Int64] = []
                var t = t0 + Int64(rng.next() % 200_000) - 100_000
                for _ in 0..<Int(rng.next() % 300) {
                    t += Int64(rng.next() % 20_000)
                    times.append(t)
                }
                // Some series out of order, with repeated times: runs of one day are cut short there.
                if round % 4 == 3 { times.shuffle(using: &rng) }
                let values = times.map { _ in Double(rng.next() % 5_000_000) + 0.25 }
                relays.append(RelaySeries(info: RelayInfo(nickname: "r\(r)", group: group), times: times, values: values))
            }
            let table = RelayTable(relays: relays)
            let starts: [String: Int64] = round % 2 == 0 ? [:] : ["A": t0 + 50_000, "B": t0 - 3 * 86_400 + 17]
            #expect(Self.same(DailyTable.aligned(table, starts: starts), Self.reference(table, starts: starts)), "round \(round)")
        }
    }

    /// A group's membership keeps the samples in the group from its start on; when that is every
    /// sample, the relay's arrays are shared rather than copied.
    @Test func membershipSamples() {
        let times: [Int64] = [100, 200, 300, 400, 500, 600]
        let rss: [Double] = [1, 2, 3, 4, 5, 6]
        let spans = [GroupSpan(from: 100, group: "A"), GroupSpan(from: 300, group: ""), GroupSpan(from: 500, group: "A")]
        let cells = RelaySeries(info: RelayInfo(nickname: "x"), times: times, values: rss, groupSpans: spans)
        #expect(cells.samples(in: "A", from: nil).times == [100, 200, 500, 600])
        #expect(cells.samples(in: "A", from: nil).values == [1, 2, 5, 6])
        #expect(cells.samples(in: "A", from: 150).times == [200, 500, 600])
        #expect(cells.samples(in: "A", from: 700).times == [])
        #expect(cells.samples(in: "A", from: 150).info.group == "A")
        let plain = RelaySeries(info: RelayInfo(nickname: "y"), times: times, values: rss)
        #expect(plain.samples(in: "B", from: 350).times == [400, 500, 600])
        #expect(plain.samples(in: "B", from: 350).values == [4, 5, 6])
        let all = plain.samples(in: "B", from: 100)
        #expect(all.times == times && all.values == rss && all.info.group == "B")
        all.times.withUnsafeBufferPointer { a in
            plain.times.withUnsafeBufferPointer { b in #expect(a.baseAddress == b.baseAddress) }
        }
    }
}
