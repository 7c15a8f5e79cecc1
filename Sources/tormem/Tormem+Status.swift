import ArgumentParser
import TormemCollect

extension Tormem {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show every instance, running or not, with PID, RSS, VmSize, HWM (GB) and fragmentation ratio.")

        @OptionGroup var host: HostOptions

        func run() throws {
            writeOut(StatusTable.text(try host.collector.snapshot()))
        }
    }
}
