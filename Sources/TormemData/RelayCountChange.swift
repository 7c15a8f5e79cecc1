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
}
