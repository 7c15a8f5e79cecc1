import ArgumentParser
import TormemCollect

extension Tormem {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show which instances set DirCache 0 and MaxMemInQueues in their torrc (reads only).")

        @OptionGroup var host: HostOptions

        func run() throws {
            let instances = try host.collector.directory.instances()
            writeOut(VerifyTable.text(VerifyTable.entries(instances)))
        }
    }
}
