import TormemCore

/// A point-in-time reading of every relay (snapshot format), values in GB.
public struct SnapshotTable: Equatable, Sendable {
    public struct Relay: Equatable, Sendable {
        public var name: String
        public var pid: Int?
        public var rssGB: Double
        public var vmsizeGB: Double
        public var hwmGB: Double
        /// NaN when unknown.
        public var fragRatio: Double
        public init(name: String, pid: Int?, rssGB: Double, vmsizeGB: Double, hwmGB: Double, fragRatio: Double) {
            self.name = name; self.pid = pid; self.rssGB = rssGB; self.vmsizeGB = vmsizeGB; self.hwmGB = hwmGB
            self.fragRatio = fragRatio
        }

        /// The value of `m` in its shown unit (GB for memory; NaN when unknown).
        public func value(of m: Metric) -> Double {
            switch m {
            case .rss: return rssGB
            case .hwm: return hwmGB
            case .vmsize: return vmsizeGB
            case .frag: return fragRatio
            }
        }
    }

    /// Running relays (with an RSS value).
    public var relays: [Relay]
    /// Relays listed without a reading (NOT_RUNNING or empty RSS), in file order.
    public var notRunning: [String]
    /// `# Collected:` from the comment header.
    public var collected: Timestamp?
    /// `# Host:` from the comment header.
    public var host: String?

    public init(relays: [Relay], notRunning: [String], collected: Timestamp? = nil, host: String? = nil) {
        self.relays = relays; self.notRunning = notRunning; self.collected = collected; self.host = host
    }
}
