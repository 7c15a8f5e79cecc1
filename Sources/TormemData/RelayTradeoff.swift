import TormemCore

/// What one relay of a group gave over the group's window besides memory: its bandwidth, consensus
/// weight, flags and allocator (from its `RelayFacts`), next to its end value of the analysed
/// quantity.
public struct RelayTradeoff: Equatable, Sendable {
    public var info: RelayInfo
    /// The analysed quantity on the group's end day (shown unit: GB for memory); NaN when unknown.
    public var endValue: Double
    /// Mean bytes written and read per day over the window, in Mbit/s; nil when not known.
    public var writtenMbps: Double?
    public var readMbps: Double?
    /// Consensus weight in force at the window's end.
    public var weight: Double?
    /// Flags in force at the window's end (sorted); nil when no consensus or document listed it.
    public var flags: [String]?
    /// The allocator in force at the window's end, as collected (`mimalloc 2.0`).
    public var allocator: String?

    /// Bytes per day as Mbit/s.
    public static func mbps(bytesPerDay: Double) -> Double { bytesPerDay * 8 / 86_400 / 1e6 }

    /// The relay's tradeoff over `[from, through]` (its samples' window).
    public init(info: RelayInfo, facts: RelayFacts, from: Int64, through: Int64, endValue: Double) {
        self.info = info
        self.endValue = endValue
        let bandwidth = Self.inWindow(facts.bandwidth, from: from, through: through)
        func mean(_ values: [Double]) -> Double? {
            let v = values.filter { !$0.isNaN }
            return v.isEmpty ? nil : Self.mbps(bytesPerDay: Sample.mean(v))
        }
        writtenMbps = mean(bandwidth.map(\.value.writtenPerDay))
        readMbps = mean(bandwidth.map(\.value.readPerDay))
        weight = Self.atEnd(facts.weights, through: through)
        flags = Self.atEnd(facts.flags, through: through).map { $0.split(separator: " ").map(String.init) }
        allocator = Self.atEnd(facts.allocators, through: through)
    }

    /// The readings inside the window, with the one in force at its start when the first inside
    /// comes later (tor's state file holds the last complete day, written hours after it ended);
    /// when none is inside, the one in force at the end, else the first after it.
    static func inWindow<V>(_ list: [RelayFacts.Reading<V>], from: Int64, through: Int64) -> [RelayFacts.Reading<V>] {
        var inside = RelayFacts.within(list, from: from, through: through)
        if inside.first.map({ $0.time > from }) ?? true, let before = list.last(where: { $0.time < from }) {
            inside.insert(before, at: 0)
        }
        if inside.isEmpty, let after = list.first(where: { $0.time > through }) { inside = [after] }
        return inside
    }

    /// The value in force at `through`, else the first reading after it (an Onionoo document
    /// published after the data ends).
    static func atEnd<V>(_ list: [RelayFacts.Reading<V>], through: Int64) -> V? {
        RelayFacts.value(list, at: through) ?? list.first?.value
    }

    /// The allocator's kind: its first word, lower case (`mimalloc 2.0` → `mimalloc`).
    public var allocatorKind: String? {
        allocator.flatMap { $0.split(separator: " ").first.map { $0.lowercased() } }
    }
}
