import TormemCore

/// A moment when the number of running relays changed.
public struct RelayCountChange: Equatable, Sendable {
    public var time: Int64
    public var from: Int
    public var to: Int

    public init(time: Int64, from: Int, to: Int) { self.time = time; self.from = from; self.to = to }

    /// Every change of the relay count along the series (unknown counts are ignored).
    public static func detect(_ s: AggregateSeries) -> [RelayCountChange] {
        var out: [RelayCountChange] = []
        var last = -1
        for i in 0..<s.count where s.relays[i] >= 0 {
            if last >= 0, s.relays[i] != last {
                out.append(RelayCountChange(time: s.times[i], from: last, to: s.relays[i]))
            }
            last = s.relays[i]
        }
        return out
    }

    /// Collections a new level must hold to count as lasting.
    public static let lastingCollections = 3
    /// How far (relative to the level before) the count must move to be a change of level.
    public static let lastingFraction = 0.10

    /// Only the lasting changes of the level: the count moves at least 10 % (and at least one
    /// relay) away from the level last marked (at first: the first count), and stays that far
    /// away, on the same side, for 3 collections in a row; the new level is the count at the
    /// end of those 3. Relays that come and go every few days (a year of 95–100 relays: about
    /// 1,200 single changes, `Fixtures/shapes-churn`) change no level; a fleet that grows from 180
    /// to 200 relays (`shapes-allocators`) or from 3 to 10 to 13 (the real 2025 fixture, where 10
    /// held for exactly 3 daily collections) does. Every change is still in the relay-count line.
    public static func lasting(_ s: AggregateSeries) -> [RelayCountChange] {
        let known = (0..<s.count).filter { s.relays[$0] >= 0 }
        guard var level = known.first.map({ s.relays[$0] }) else { return [] }
        func away(_ c: Int) -> Int {
            let d = c - level
            return Double(abs(d)) >= max(1, lastingFraction * Double(level)) ? d.signum() : 0
        }
        var out: [RelayCountChange] = []
        var k = 1
        while k < known.count {
            let side = away(s.relays[known[k]])
            let window = known[k..<min(known.count, k + lastingCollections)]
            if side != 0, window.count == lastingCollections, window.allSatisfy({ away(s.relays[$0]) == side }) {
                let to = s.relays[window.last!]
                out.append(RelayCountChange(time: s.times[known[k]], from: level, to: to))
                level = to
            }
            k += 1
        }
        return out
    }
}
