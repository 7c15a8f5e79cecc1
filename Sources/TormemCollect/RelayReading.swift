/// What one instance looked like at collection time: its process (when running) and memory.
public struct RelayReading: Equatable, Sendable {
    public var instance: RelayInstance
    /// The experiment group from `relay_config.csv`, empty when none.
    public var group: String
    public var pid: Int32?
    /// `/proc/PID/status`; nil when not running.
    public var memory: MemoryStatus?
    /// `/proc/PID/smaps` sums; nil when not running or not readable.
    public var smaps: SmapsRatio?

    public init(instance: RelayInstance, group: String = "", pid: Int32? = nil,
                memory: MemoryStatus? = nil, smaps: SmapsRatio? = nil) {
        self.instance = instance; self.group = group; self.pid = pid; self.memory = memory; self.smaps = smaps
    }

    /// Running means a process was found and its resident size could be read.
    public var isRunning: Bool { pid != nil && memory?.rssKB != nil }
    public var rssKB: Int? { memory?.rssKB }
    public var fragmentationRatio: Double? { smaps?.ratio }
}
