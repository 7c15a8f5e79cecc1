import TormemCore

/// What one input file holds, by format.
public enum FileContent: Sendable {
    /// Aggregate series (one server).
    case monitor([AggregateSeries])
    /// Aggregate series per server, and per-relay series.
    case unified([AggregateSeries], relays: RelayTable)
    /// RSS per relay per day.
    case experiment(DailyTable)
    /// A point-in-time reading of every relay.
    case snapshot(SnapshotTable)

    public var format: InputFormat {
        switch self {
        case .monitor: return .monitor
        case .unified: return .unified
        case .experiment: return .experiment
        case .snapshot: return .snapshot
        }
    }
}
