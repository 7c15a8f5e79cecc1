import ArgumentParser
import TormemCollect

extension Tormem {
    struct Detail: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show every memory field of one relay, its DirCache and MaxMemInQueues settings, its allocator, start, bandwidth and consensus flags and weight.")

        @OptionGroup var host: HostOptions

        @Argument(help: "The instance (folder name under --instances-dir).")
        var name: String

        func run() throws {
            let detail = try RelayDetail.read(name: name, collector: host.collector)
            for warning in detail.warnings { writeError("tormem: warning: \(warning)") }
            writeOut(detail.text)
        }
    }
}
