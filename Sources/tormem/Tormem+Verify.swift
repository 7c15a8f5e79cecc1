import ArgumentParser
import TormemCollect

extension Tormem {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show which instances set DirCache 0 and MaxMemInQueues in their torrc (reads only).",
            discussion: """
            With --require, exit 1 (for monitoring) when an instance lacks a required setting, and \
            name each on standard error.
            """)

        @Option(name: .long, help: ArgumentHelp("Settings every instance must have: dircache0, maxmem (comma-separated); exit 1 otherwise.",
                                                valueName: "LIST"))
        var require: String?

        @Flag(name: .long, help: "Print the table as JSON.")
        var json = false

        @OptionGroup var host: HostOptions

        func validate() throws {
            if let require, VerifyTable.requirements(require) == nil {
                throw ValidationError("--require \(require): expected dircache0 and/or maxmem, comma-separated")
            }
        }

        func run() throws {
            let entries = VerifyTable.entries(try host.collector.directory.instances())
            writeOut(json ? VerifyTable.json(entries) : VerifyTable.text(entries))
            let missing = VerifyTable.missing(require.flatMap(VerifyTable.requirements) ?? [], in: entries)
            if !missing.isEmpty {
                writeError("tormem: " + missing.joined(separator: "\ntormem: ") + "\n")
                throw ExitCode(1)
            }
        }
    }
}
