import TormemCore
import TormemData

/// One row about the host at collection time, for `diagnostics.csv`: kernel, memory, how many relays
/// ran and which allocators they use.
public struct HostDiagnostics: Equatable, Sendable {
    public static let columns = ["timestamp", "server", "kernel", "mem_total_kb", "mem_available_kb",
                                 "relays_running", "allocators"]
    public static var header: String { CSVText.line(columns) }

    public var time: Timestamp
    public var server: String
    public var kernel: String?
    public var memTotalKB: Int?
    public var memAvailableKB: Int?
    public var relaysRunning: Int
    /// Distinct allocator names of the running relays, sorted.
    public var allocators: [String]

    public init(time: Timestamp, server: String, kernel: String?, memTotalKB: Int?, memAvailableKB: Int?,
                relaysRunning: Int, allocators: [String]) {
        self.time = time; self.server = server; self.kernel = kernel
        self.memTotalKB = memTotalKB; self.memAvailableKB = memAvailableKB
        self.relaysRunning = relaysRunning; self.allocators = allocators
    }

    /// Reads the host's side (`osrelease`, `meminfo`) and probes each running relay's allocator.
    public static func read(snapshot: HostSnapshot, proc: ProcReader) -> HostDiagnostics {
        let info = proc.memoryInfo()
        let running = snapshot.running
        let names = Set(running.compactMap { $0.pid }.map { AllocatorProbe.probe(pid: $0, proc: proc).name })
        return HostDiagnostics(time: snapshot.time, server: snapshot.server, kernel: proc.kernelRelease(),
                               memTotalKB: info?["MemTotal"], memAvailableKB: info?["MemAvailable"],
                               relaysRunning: running.count, allocators: names.sorted())
    }

    /// The CSV row (allocators joined with `;`).
    public var row: String {
        CSVText.line([time.iso8601, server, kernel ?? "", memTotalKB.map(String.init) ?? "",
                      memAvailableKB.map(String.init) ?? "", String(relaysRunning),
                      allocators.joined(separator: ";")])
    }
}
