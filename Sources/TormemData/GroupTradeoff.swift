import TormemCore

/// One group's trade-off beside its memory (SPEC §6 "Quantities"): mean bandwidth with a 95 %
/// interval and its difference against the control, mean consensus weight, the flags most of its
/// relays hold and those it lost against the control, and the relays whose allocator differs from
/// most of the group's.
public struct GroupTradeoff: Equatable, Sendable {
    public var group: String
    public var label: String
    public var relays: [RelayTradeoff]

    /// Mean of the relays' written Mbit/s (NaN: none known), with its 95 % bootstrap interval.
    public var bandwidthMbps: Double
    public var bandwidthLow: Double?
    public var bandwidthHigh: Double?
    /// Relays with a bandwidth.
    public var bandwidthRelays: Int
    public var readMbps: Double
    /// The group's bandwidth against the control's, in % with a 95 % interval (nil for the
    /// control, without one, or without bandwidth on either side).
    public var vsControl: Difference?
    /// Mean consensus weight (NaN: none known).
    public var weight: Double
    /// Flags more than half of the relays listed hold, sorted.
    public var flagsHeld: [String]
    /// Relays listed in a consensus or Onionoo document.
    public var flagsRelays: Int
    /// Flags most of the control's relays hold and most of this group's do not.
    public var flagsLost: [String]
    /// The allocator most relays have (its kind: `jemalloc`), when more than half have one kind.
    public var allocator: String?
    /// Relays with another allocator than the group's: name and allocator.
    public var allocatorMismatches: [(name: String, allocator: String)]

    public struct Difference: Equatable, Sendable {
        public var percent: Double
        public var low: Double?
        public var high: Double?
    }

    public static func == (a: GroupTradeoff, b: GroupTradeoff) -> Bool {
        a.group == b.group && a.relays == b.relays && a.flagsLost == b.flagsLost
            && a.allocatorMismatches.map(\.name) == b.allocatorMismatches.map(\.name)
    }

    public var hasBandwidth: Bool { bandwidthRelays > 0 }

    init(group: String, label: String, relays: [RelayTradeoff]) {
        self.group = group; self.label = label; self.relays = relays
        let bw = relays.compactMap(\.writtenMbps)
        bandwidthRelays = bw.count
        bandwidthMbps = Sample.mean(bw)
        readMbps = Sample.mean(relays.compactMap(\.readMbps))
        (bandwidthLow, bandwidthHigh) = Self.meanInterval(bw, seed: SplitMix64.seed("bandwidth\u{1}" + group))
        weight = Sample.mean(relays.compactMap(\.weight))
        let listed = relays.compactMap(\.flags)
        flagsRelays = listed.count
        flagsHeld = Self.majority(listed)
        flagsLost = []
        vsControl = nil
        var kinds: [String: Int] = [:]
        for k in relays.compactMap(\.allocatorKind) { kinds[k, default: 0] += 1 }
        let known = kinds.values.reduce(0, +)
        let top = kinds.max { ($0.value, $1.key) < ($1.value, $0.key) }
        if let top, top.value * 2 > known {
            allocator = top.key
            allocatorMismatches = relays.compactMap { r in
                guard let k = r.allocatorKind, k != top.key, let a = r.allocator else { return nil }
                return (r.info.displayName, a)
            }.sorted { $0.name < $1.name }
        } else {
            allocator = nil
            allocatorMismatches = []
        }
    }

    /// The flags more than half of `lists` hold, sorted.
    static func majority(_ lists: [[String]]) -> [String] {
        var counts: [String: Int] = [:]
        for l in lists { for f in Set(l) { counts[f, default: 0] += 1 } }
        return counts.filter { $0.value * 2 > lists.count }.map(\.key).sorted()
    }

    /// Compares with the control's trade-off: flags lost, bandwidth difference.
    mutating func compare(against control: GroupTradeoff) {
        let listed = relays.compactMap(\.flags)
        if !listed.isEmpty {
            flagsLost = control.flagsHeld.filter { f in listed.filter { $0.contains(f) }.count * 2 < listed.count }
        }
        let a = relays.compactMap(\.writtenMbps), c = control.relays.compactMap(\.writtenMbps)
        guard !a.isEmpty, !c.isEmpty else { return }
        let r = Sample.percentDifference(a, against: c, resamples: GroupAnalysis.resamples,
                                         seed: SplitMix64.seed("bandwidth\u{1}" + group + "\u{1}" + control.group))
        if r.percent.isFinite { vsControl = Difference(percent: r.percent, low: r.low, high: r.high) }
    }

    /// The 95 % percentile bootstrap interval of the mean of `values` (nil for fewer than two).
    static func meanInterval(_ values: [Double], seed: UInt64) -> (Double?, Double?) {
        Sample.meanInterval(values, resamples: GroupAnalysis.resamples, seed: seed)
    }
}
