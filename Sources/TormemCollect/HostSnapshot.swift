import TormemCore
import TormemData

/// Every instance of a host at one moment: the input of every command's output.
public struct HostSnapshot: Equatable, Sendable {
    public var time: Timestamp
    public var server: String
    /// Every instance, running or not, sorted by name.
    public var relays: [RelayReading]

    public init(time: Timestamp, server: String, relays: [RelayReading]) {
        self.time = time; self.server = server; self.relays = relays
    }

    public var running: [RelayReading] { relays.filter(\.isRunning) }

    public var aggregate: AggregateReading { AggregateReading(rss: running.compactMap(\.rssKB)) }
}
