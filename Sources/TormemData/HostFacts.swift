import TormemCore

/// One row of `diagnostics.csv`: what the host looked like at one collection.
public struct HostFacts: Equatable, Sendable {
    public var time: Timestamp
    public var server: String
    public var kernel: String
    /// Host memory in KiB (NaN when the cell is empty).
    public var memTotalKB: Double
    public var memAvailableKB: Double
    /// Relays running at the collection, nil when unknown.
    public var relaysRunning: Int?
    /// Allocators seen (`glibc (default)`, `jemalloc`, …), in the order written.
    public var allocators: [String]
    /// The tor version, when the file says it (the older 19-column layout); else empty.
    public var torVersion: String

    public init(time: Timestamp, server: String, kernel: String, memTotalKB: Double, memAvailableKB: Double,
                relaysRunning: Int?, allocators: [String], torVersion: String = "") {
        self.time = time; self.server = server; self.kernel = kernel; self.memTotalKB = memTotalKB
        self.memAvailableKB = memAvailableKB; self.relaysRunning = relaysRunning; self.allocators = allocators
        self.torVersion = torVersion
    }
}
