import ArgumentParser
import TormemCollect

extension Tormem {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show every instance, running or not, with PID, RSS, VmSize, HWM (GB) and fragmentation ratio; then each relay's start and uptime, allocator, bandwidth (Mbit/s), consensus weight and flags.")

        @Flag(name: .long, help: "Print the instances as JSON (memory in KiB, bandwidth in bytes per day).")
        var json = false

        @OptionGroup var host: HostOptions

        func run() throws {
            let snapshot = try host.collector.snapshot()
            for warning in snapshot.warnings { writeError("tormem: warning: \(warning)") }
            writeOut(json ? StatusTable.json(snapshot) : StatusTable.text(snapshot))
        }
    }
}
