import ArgumentParser
import TormemCollect

extension Tormem {
    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the detail of one relay again every few seconds until interrupted (Ctrl-C).")

        @OptionGroup var host: HostOptions

        @Argument(help: "The instance (folder name under --instances-dir).")
        var name: String

        @Option(name: .long, help: ArgumentHelp("Seconds between refreshes.", valueName: "SECONDS"))
        var interval: Double = 5

        func validate() throws {
            guard interval.isFinite, interval >= 0.1, interval <= 86_400 else {
                throw ValidationError("--interval \(interval): expected 0.1 to 86400 seconds")
            }
        }

        func run() throws {
            StopSignal.install()
            try WatchLoop.run(name: name, interval: interval, collector: host.collector,
                              clear: isTerminal(1)) { writeOut($0) }
        }
    }
}
