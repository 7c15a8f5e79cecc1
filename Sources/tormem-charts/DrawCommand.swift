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
        --prometheus` writes from a Prometheus-compatible server instead, and draws the same charts.

        Charts (memory_* take the --prefix):
        \(ChartsJob.chartList)

        Exit status: 0 success (warnings allowed), 2 usage error, 3 input error (nothing usable), \
        4 output error (cannot write).
        """)

    @Option(name: .long, help: ArgumentHelp("A data file (CSV: monitor, unified, experiment or snapshot; gzip-compressed too); - for standard input, or a pipe like <(…); repeat for one file per server.", valueName: "FILE"))
    var data: [String] = []

    @Option(name: .long, help: ArgumentHelp("Read the relays' raw samples from this Prometheus-compatible server instead of --data (http://host:9090; default window --last 30d).", valueName: "URL"))
    var prometheus: String?

    @Option(name: .long, help: ArgumentHelp("With --prometheus: only the series these label matchers select, e.g. {instance=~\"relay-.*\"} (default: all).", valueName: "SELECTOR"))
    var match: String?

    @Option(name: .customLong("server-label"), help: ArgumentHelp("With --prometheus: the label that names the server (default: instance).", valueName: "NAME"))
    var serverLabel: String?

    @Option(name: .long, help: ArgumentHelp("With --prometheus: seconds each request may take (default: 30).", valueName: "SECONDS"))
    var timeout: Double?

    @Option(name: .long, help: "Folder to write the charts into (created when missing).")
    var outputDir: String = "charts"

    @Option(name: .long, help: ArgumentHelp("Write every number of the run as JSON to FILE (- for standard output, instead of the summary).", valueName: "FILE"))
    var json: String?

    @OptionGroup var chart: ChartOptions

    func validate() throws {
        if let prometheus {
            if !data.isEmpty { throw ValidationError("--data and --prometheus: give one source, not both") }
            if prometheus.isEmpty { throw ValidationError("--prometheus '': expected a URL like http://127.0.0.1:9090") }
        } else {
            if data.isEmpty { throw ValidationError("missing --data FILE (a monitor, unified, experiment or snapshot CSV file) or --prometheus URL") }
            for (option, given) in [("--match", match != nil), ("--server-label", serverLabel != nil), ("--timeout", timeout != nil)] where given {
                throw ValidationError("\(option) is for --prometheus URL, which is not given")
            }
        }
        if let serverLabel, serverLabel.isEmpty { throw ValidationError("--server-label '': expected a label name like instance") }
        if let timeout, !(timeout > 0 && timeout <= 86_400) {
            throw ValidationError("--timeout \(timeout): expected seconds above 0, at most 86400")
        }
        if let bad = data.first(where: \.isEmpty) { throw ValidationError("--data \(ChartsRequest.shown(bad)): expected a file name") }
        if outputDir.isEmpty { throw ValidationError("--output-dir '': expected a folder name (. for the current folder)") }
        if let json, json.isEmpty { throw ValidationError("--json '': expected a file name, or - for standard output") }
    }

    func run() throws {
        var request = try chart.request(data: data, outputDir: outputDir)
        if let prometheus {
            request.sourceDescription = .prometheus(url: prometheus, match: match, serverLabel: serverLabel ?? "instance",
                                                    timeout: timeout ?? 30)
        }
        request.jsonPath = json
        let report = try ChartsJob.run(request) { Console.printError("warning: \($0)") }
        if json == "-" {
            print(report.json, terminator: "")
        } else if !chart.quiet {
            print(report.text)
        }
    }
}
