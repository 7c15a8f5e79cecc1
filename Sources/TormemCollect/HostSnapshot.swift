import TormemCore
import TormemData

/// Every instance of a host at one moment: the input of every command's output.
public struct HostSnapshot: Equatable, Sendable {
    public var time: Timestamp
    public var server: String
    /// Every instance, running or not, sorted by name.
    public var relays: [RelayReading]
    /// The cached consensus the flags and weights come from, when one was found.
    public var consensusPath: String?
    /// Files that were there but could not be used (a malformed `stat`, `state` or consensus): one
    /// per file, each naming it; the columns they would fill are empty.
    public var warnings: [Diagnostic] = []

    public init(time: Timestamp, server: String, relays: [RelayReading], consensusPath: String? = nil,
                warnings: [Diagnostic] = []) {
        self.time = time; self.server = server; self.relays = relays
        self.consensusPath = consensusPath; self.warnings = warnings
    }

    public var running: [RelayReading] { relays.filter(\.isRunning) }

    public var aggregate: AggregateReading { AggregateReading(rss: running.compactMap(\.rssKB)) }
}
