import ArgumentParser
import TormemCollect

extension Tormem {
    struct CSV: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "csv",
            abstract: "Print the unified header, aggregate row and relay rows to standard output (nothing is written).")

        @OptionGroup var host: HostOptions

        func run() throws {
            let snapshot = try host.collector.snapshot()
            for warning in snapshot.warnings { writeError("tormem: warning: \(warning)") }
            writeOut(UnifiedRowWriter.header + UnifiedRowWriter.rows(snapshot))
        }
    }
}
