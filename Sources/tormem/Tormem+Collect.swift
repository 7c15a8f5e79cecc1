import ArgumentParser
import TormemCollect
import TormemCore

extension Tormem {
    struct Collect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Append one aggregate row and one row per running relay to a unified CSV file.",
            discussion: """
            Safe from cron and concurrent runs: each run locks the file (flock), writes the header \
            only into an empty file, and appends its rows in one write. With --stdout the header and \
            rows are printed as well as written (or only printed, without --output/--auto-dir). \
            Each relay row also has the process start (/proc/PID/stat), the allocator mapped \
            (/proc/PID/maps), tor's bandwidth history (its state file, which may lag by hours) and \
            its flags and weight in the newest cached consensus; a file that cannot be used is \
            named in a warning and its columns are left empty.
            """)

        @OptionGroup var host: HostOptions

        @Option(name: .long, help: ArgumentHelp("The CSV file to append to (its folder must exist).", valueName: "FILE"))
        var output: String?

        @Flag(name: .long, help: "Start the file over: discard its rows and write the header (not for cron).")
        var `init` = false

        @Flag(name: .long, help: "Print the header and rows to standard output (as well as writing any file).")
        var stdout = false

        @Option(name: .long, help: ArgumentHelp("Also write the numbers as a node_exporter textfile (a .prom file, replaced atomically).", valueName: "FILE"))
        var prometheus: String?

        @Option(name: .long, help: ArgumentHelp("Write into a new report folder REPORTS/YYYY-MM-DD-HOST-DESCRIPTION/measurements.csv (with --config, the folder also gets a copy of it as relay_config.csv, unless it has one).", valueName: "DESCRIPTION"))
        var autoDir: String?

        @Option(name: .long, help: ArgumentHelp("Where --auto-dir creates report folders (default: reports).", valueName: "DIR"))
        var reportsDir: String?

        @Flag(name: .customLong("new-folder"), help: "With --auto-dir: start a new dated folder instead of the newest one of this host and description.")
        var newFolder = false

        @Flag(name: .long, help: "Also append a row of host diagnostics (kernel, memory, relays, allocators) to diagnostics.csv next to the output.")
        var withDiagnostics = false

        @Option(name: .long, help: ArgumentHelp("Where the diagnostics row goes (implies --with-diagnostics).", valueName: "FILE"))
        var diagnosticsFile: String?

        func validate() throws {
            if output != nil, autoDir != nil {
                throw ValidationError("--output and --auto-dir: expected only one of them")
            }
            if output == nil, autoDir == nil, !stdout, prometheus == nil {
                throw ValidationError("missing --output FILE, --auto-dir DESCRIPTION, --prometheus FILE or --stdout")
            }
            for (name, value) in [("--output", output), ("--reports-dir", reportsDir), ("--prometheus", prometheus),
                                  ("--diagnostics-file", diagnosticsFile)] where value?.isEmpty == true {
                throw ValidationError("\(name): expected a file name, found an empty path")
            }
            if let autoDir, ReportFolderName.part(autoDir).isEmpty {
                throw ValidationError("--auto-dir \"\(autoDir)\": expected a description with letters or digits, e.g. baseline or dircache-0")
            }
            if reportsDir != nil, autoDir == nil { throw ValidationError("--reports-dir: only used with --auto-dir") }
            if newFolder, autoDir == nil { throw ValidationError("--new-folder: only used with --auto-dir") }
            if `init`, output == nil, autoDir == nil { throw ValidationError("--init: expected --output FILE or --auto-dir to start over") }
            if withDiagnostics, diagnosticsFile == nil, output == nil, autoDir == nil {
                throw ValidationError("--with-diagnostics: expected --output, --auto-dir or --diagnostics-file to say where diagnostics.csv goes")
            }
        }

        func run() throws {
            let destination: CollectRequest.Destination
            if let output {
                destination = .file(output)
            } else if let autoDir {
                destination = .reportFolder(description: autoDir, reports: reportsDir ?? "reports", newFolder: newFolder)
            } else {
                destination = .none
            }
            let request = CollectRequest(destination: destination, restart: `init`, printRows: stdout,
                                         prometheusPath: prometheus, diagnostics: withDiagnostics,
                                         diagnosticsPath: diagnosticsFile)
            let report = try CollectJob.run(request, collector: host.collector)
            for warning in report.warnings { writeError("tormem: warning: \(warning)") }
            if let printed = report.printed { writeOut(printed) }
        }
    }
}
