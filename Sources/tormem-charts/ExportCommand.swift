import ArgumentParser
import TormemKit

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the data as OpenMetrics text, to backfill a Prometheus server.",
        discussion: """
        Writes unified or monitor CSV history with its timestamps as the gauges `tormem collect \
        --prometheus` writes (tormem_relay_resident_memory_bytes, \
        tormem_relay_resident_memory_peak_bytes, tormem_relay_virtual_memory_bytes, \
        tormem_relay_fragmentation_ratio, tormem_relays_*), labelled nickname, fingerprint, group, \
        and instance (the server), ending in # EOF. Load it with \
        `promtool tsdb create-blocks-from openmetrics FILE DATA_DIR`; Prometheus drops what is \
        older than its retention.

        Exit status: 0 success (warnings allowed), 2 usage error, 3 input error, 4 output error.
        """)

    @Flag(name: .long, help: "Write OpenMetrics text (the one export format).")
    var openmetrics = false

    @Option(name: .long, help: ArgumentHelp("A data file (unified or monitor CSV, gzip too; - for standard input); repeat for one file per server.", valueName: "FILE"))
    var data: [String] = []

    @Option(name: .long, help: ArgumentHelp("The file to write (atomically), or - for standard output.", valueName: "FILE"))
    var output: String

    @Flag(name: .long, help: "Fail (exit 3) when any row cannot be read, instead of skipping it.")
    var strict = false

    func validate() throws {
        if !openmetrics { throw ValidationError("missing --openmetrics (the export format)") }
        if data.isEmpty { throw ValidationError("missing --data FILE (a unified or monitor CSV file)") }
        if let bad = data.first(where: \.isEmpty) { throw ValidationError("--data \(ChartsRequest.shown(bad)): expected a file name") }
        if output.isEmpty { throw ValidationError("--output '': expected a file name, or - for standard output") }
    }

    func run() throws {
        try ExportJob.openMetrics(data: data, output: output, strict: strict, warn: { Console.printError("warning: \($0)") })
    }
}
