import TormemCore

/// What one instance looked like at collection time: its process (when running), memory, and what
/// the relay gives for it (start, allocator, bandwidth, consensus flags and weight).
public struct RelayReading: Equatable, Sendable {
    public var instance: RelayInstance
    /// The experiment group from `relay_config.csv`, empty when none.
    public var group: String
    public var pid: Int32?
    /// `/proc/PID/status`; nil when not running.
    public var memory: MemoryStatus?
    /// `/proc/PID/smaps` sums; nil when not running or not readable.
    public var smaps: SmapsRatio?
    /// When the process started (`/proc/PID/stat` and `btime`); nil when not known.
    public var started: Timestamp?
    /// The allocator mapped (`/proc/PID/maps`); nil when maps cannot be read.
    public var allocator: Allocator?
    /// tor's bandwidth history (`state` in the DataDirectory); nil when not known.
    public var bandwidth: BandwidthHistory?
    /// The relay's entry in the newest cached consensus; nil when none lists it.
    public var consensus: ConsensusEntry?

    public init(instance: RelayInstance, group: String = "", pid: Int32? = nil,
                memory: MemoryStatus? = nil, smaps: SmapsRatio? = nil) {
        self.instance = instance; self.group = group; self.pid = pid; self.memory = memory; self.smaps = smaps
    }

    /// Running means a process was found and its resident size could be read.
    public var isRunning: Bool { pid != nil && memory?.rssKB != nil }
    public var rssKB: Int? { memory?.rssKB }
    public var fragmentationRatio: Double? { smaps?.ratio }

    /// Seconds since the start at `time`; nil when the start is not known.
    public func uptime(at time: Timestamp) -> Int64? { started.map { max(0, time.seconds - $0.seconds) } }
}
