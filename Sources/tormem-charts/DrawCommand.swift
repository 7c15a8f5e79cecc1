import ArgumentParser
import TormemKit

struct DrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draw",
        abstract: "Draw every chart the data supports (the default command).",
        discussion: """
        Reads monitor, unified, experiment or snapshot CSV files (format detected from the header) \
        and draws every chart the data supports into the output folder; it says which charts it \
        skipped and why. experiment.json and relay_config.csv next to the first data file name the \
        groups. With --prometheus URL it reads the raw samples of the gauges `tormem collect \
        --prometheus` writes from a Prometheus-compatible server instead, and draws the same charts \
        (groups from the series' group label, or from the side files of --side-files DIR).

        Charts (memory_* take the --prefix):
        \(ChartsJob.chartList)

        Exit status: 0 success (warnings allowed), 2 usage error, 3 input error (nothing usable), \
        4 output error (cannot write).
        """)

    @Option(name: .long, help: ArgumentHelp("A data file (CSV: monitor, unified, experiment or snapshot; gzip-compressed too); - for standard input, or a pipe like <(…); repeat for one file per server.", valueName: "FILE"))
    var data: [String] = []

    @OptionGroup var source: PrometheusOptions

    @Option(name: .customLong("side-files"), help: ArgumentHelp("Read the side files (relay_config.csv, groups/, experiment.json, events.csv, diagnostics.csv, onionoo_*.json) from DIR: with --prometheus the only place they come from; with --data instead of the first file's folder.", valueName: "DIR"))
    var sideFiles: String?

    @Option(name: .long, help: "Folder to write the charts into (created when missing).")
    var outputDir: String = "charts"

    @Option(name: .long, help: ArgumentHelp("Write every number of the run as JSON to FILE (- for standard output, instead of the summary).", valueName: "FILE"))
    var json: String?

    @OptionGroup var chart: ChartOptions

    func validate() throws {
        try source.requireServer()
        if source.prometheus != nil {
            if !data.isEmpty { throw ValidationError("--data and --prometheus: give one source, not both") }
        } else if data.isEmpty {
            throw ValidationError("missing --data FILE (a monitor, unified, experiment or snapshot CSV file) or --prometheus URL")
        }
        if let bad = data.first(where: \.isEmpty) { throw ValidationError("--data \(ChartsRequest.shown(bad)): expected a file name") }
        if sideFiles == "" { throw ValidationError("--side-files '': expected a folder (. for the current folder)") }
        if outputDir.isEmpty { throw ValidationError("--output-dir '': expected a folder name (. for the current folder)") }
        if let json, json.isEmpty { throw ValidationError("--json '': expected a file name, or - for standard output") }
    }

    func run() throws {
        var request = try chart.request(data: data, outputDir: outputDir)
        if let query = source.query { request.sourceDescription = .prometheus(query) }
        request.sideFolder = sideFiles.map(ChartOptions.folder)
        request.jsonPath = json
        let report = try ChartsJob.run(request) { Console.printError("warning: \($0)") }
        if json == "-" {
            print(report.json, terminator: "")
        } else if !chart.quiet {
            print(report.text)
        }
    }
}
