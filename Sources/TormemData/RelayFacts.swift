import TormemCore

/// What is known of a relay besides its memory (SPEC §6 "Quantities"): when its process started,
/// the allocator it had mapped, tor's own bandwidth history, and its flags and weight in the
/// consensus. Each is a list of readings in time order, a reading kept only where the value
/// changed (a collector repeats the same state-file day and consensus every hour), so a fleet's
/// years of hourly rows hold a few readings per relay and day.
public struct RelayFacts: Equatable, Sendable {
    /// A value as read at `time` (seconds since the epoch: the collection, or an Onionoo interval).
    public struct Reading<Value: Equatable & Sendable>: Equatable, Sendable {
        public var time: Int64
        public var value: Value
        public init(time: Int64, value: Value) { self.time = time; self.value = value }
    }

    /// Bytes per day read and written (NaN: not known), from tor's state file or Onionoo's history.
    public struct Bandwidth: Equatable, Sendable {
        public var readPerDay: Double
        public var writtenPerDay: Double
        public init(readPerDay: Double = .nan, writtenPerDay: Double = .nan) {
            self.readPerDay = readPerDay; self.writtenPerDay = writtenPerDay
        }

        public static func == (a: Bandwidth, b: Bandwidth) -> Bool {
            func same(_ x: Double, _ y: Double) -> Bool { x == y || (x.isNaN && y.isNaN) }
            return same(a.readPerDay, b.readPerDay) && same(a.writtenPerDay, b.writtenPerDay)
        }
    }

    /// The process's start time (seconds since the epoch).
    public var starts: [Reading<Int64>] = []
    /// The allocator's name as the collector wrote it (`jemalloc`, `mimalloc 2.0`, `glibc`).
    public var allocators: [Reading<String>] = []
    public var bandwidth: [Reading<Bandwidth>] = []
    /// The flags, sorted, as one space-separated text (`Fast Guard Running Stable V2Dir Valid`).
    public var flags: [Reading<String>] = []
    /// The consensus weight (`w Bandwidth=`).
    public var weights: [Reading<Double>] = []

    public init() {}

    public var isEmpty: Bool {
        starts.isEmpty && allocators.isEmpty && bandwidth.isEmpty && flags.isEmpty && weights.isEmpty
    }

    // MARK: Recording

    /// A start time within a minute of the last is the same start (the boot time the collector
    /// adds the process's start ticks to moves by a second now and then).
    public mutating func note(started: Int64, at time: Int64) {
        if let last = starts.last, abs(last.value - started) <= Self.sameStart, last.time <= time { return }
        Self.note(&starts, started, at: time)
    }

    /// Start times this close (seconds) are one start.
    public static let sameStart: Int64 = 60
    public mutating func note(allocator: String, at time: Int64) { Self.note(&allocators, allocator, at: time) }
    public mutating func note(bandwidth b: Bandwidth, at time: Int64) { Self.note(&bandwidth, b, at: time) }
    public mutating func note(flags text: String, at time: Int64) { Self.note(&flags, Self.sortedFlags(text), at: time) }
    public mutating func note(weight: Double, at time: Int64) { Self.note(&weights, weight, at: time) }

    /// Appends a reading unless it repeats the last one's value.
    public static func note<V>(_ list: inout [Reading<V>], _ value: V, at time: Int64) {
        if let last = list.last, last.value == value, last.time <= time { return }
        list.append(Reading(time: time, value: value))
    }

    /// `Running Guard  Fast` → `Fast Guard Running`.
    public static func sortedFlags(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ";" || $0 == "," }).map(String.init).sorted().joined(separator: " ")
    }

    // MARK: Merging

    /// Takes in `other`'s readings (the same relay read elsewhere, or a later part of a file):
    /// each list sorted by time again, repeats dropped.
    public mutating func merge(_ other: RelayFacts) {
        guard !other.isEmpty else { return }
        Self.merge(&starts, other.starts)
        Self.merge(&allocators, other.allocators)
        Self.merge(&bandwidth, other.bandwidth)
        Self.merge(&flags, other.flags)
        Self.merge(&weights, other.weights)
    }

    /// Each list sorted by time, repeats dropped (readings taken out of order).
    public mutating func normalize() {
        Self.merge(&starts, [], always: true)
        Self.merge(&allocators, [], always: true)
        Self.merge(&bandwidth, [], always: true)
        Self.merge(&flags, [], always: true)
        Self.merge(&weights, [], always: true)
    }

    static func merge<V>(_ list: inout [Reading<V>], _ more: [Reading<V>], always: Bool = false) {
        guard !more.isEmpty || (always && zip(list, list.dropFirst()).contains { $0.time > $1.time }) else { return }
        let all = (list + more).enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
        var out: [Reading<V>] = []
        out.reserveCapacity(all.count)
        for r in all {
            if let last = out.last, last.value == r.value { continue }
            if let last = out.last, last.time == r.time { out[out.count - 1] = r; continue }
            out.append(r)
        }
        list = out
    }

    /// Takes the kinds of facts this relay has none of from `other` (Onionoo's documents for a
    /// file without the collector's columns): the data's own readings always win.
    public mutating func fill(from other: RelayFacts) {
        if starts.isEmpty { starts = other.starts }
        if allocators.isEmpty { allocators = other.allocators }
        if bandwidth.isEmpty { bandwidth = other.bandwidth }
        if flags.isEmpty { flags = other.flags }
        if weights.isEmpty { weights = other.weights }
    }

    // MARK: Reading

    /// The readings of `list` inside `[from, through]`.
    public static func within<V>(_ list: [Reading<V>], from: Int64, through: Int64) -> [Reading<V>] {
        list.filter { $0.time >= from && $0.time <= through }
    }

    /// The value in force at `time`: the latest reading at or before it (nil before the first).
    public static func value<V>(_ list: [Reading<V>], at time: Int64) -> V? {
        list.last { $0.time <= time }?.value
    }

    /// Process start times that differ from the one before: restarts, each with the collection
    /// that first saw it. The first start seen is not a restart.
    public var restarts: [Reading<Int64>] { Array(starts.dropFirst()) }
}
