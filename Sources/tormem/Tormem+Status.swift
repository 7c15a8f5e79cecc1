import ArgumentParser
import TormemCollect

extension Tormem {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show every instance, running or not, with PID, RSS, VmSize, HWM (GB) and fragmentation ratio.")

        @Flag(name: .long, help: "Print the instances as JSON (memory in KiB).")
        var json = false

        @OptionGroup var host: HostOptions

        func run() throws {
            let snapshot = try host.collector.snapshot()
            for warning in snapshot.warnings { writeError("tormem: warning: \(warning)") }
            writeOut(json ? StatusTable.json(snapshot) : StatusTable.text(snapshot))
        }
    }
}
