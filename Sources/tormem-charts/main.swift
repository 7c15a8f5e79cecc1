import ArgumentParser
import TormemKit
import TormemCairo
import TormemChart
import TormemData
#if canImport(Glibc)
import Glibc
#endif

extension ChartsRequest.ThemeName: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}

struct TormemCharts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tormem-charts",
        abstract: "Draw charts of Tor relay memory from measurement CSV files.",
        discussion: """
        Reads monitor, unified, experiment or snapshot CSV files (format detected from the header) \
        and draws every chart the data supports into the output folder: <prefix>_usage and \
        <prefix>_weekly (aggregate series); chart1_memory_over_time, chart2_final_comparison and \
        chart3_fragmentation_timeline (groups); <prefix>_trajectories, <prefix>_distribution and \
        <prefix>_outliers (per-relay series); <prefix>_distribution and <prefix>_ranking (snapshots). \
        It says which charts it skipped and why. experiment.json and relay_config.csv next to the \
        first data file name the groups.

        Exit status: 0 success (warnings allowed), 2 usage error, 3 input error (nothing usable), \
        4 output error (cannot write).
        """,
        version: "0.1.0")

    @Option(name: .long, help: "A data file (CSV: monitor, unified, experiment or snapshot); repeat for one file per server.")
    var data: [String] = []

    @Option(name: .long, help: "Folder to write the charts into (created when missing).")
    var outputDir: String = "charts"

    @Option(name: .long, help: "What the charts are about (default: the server names in the data).")
    var title: String?

    @Option(name: .long, help: "Accent colour as #rrggbb (default: the theme's).")
    var color: String?

    @Option(name: .long, help: "File name prefix of the charts.")
    var prefix: String = "memory"

    @Option(name: .long, help: "Colour theme.")
    var theme: ChartsRequest.ThemeName = .dark

    @Option(name: .long, help: "Output file format.")
    var format: OutputFormat = .png

    @Option(name: .long, help: "Chart width in pixels (default: 2100 usage, 1800 weekly).")
    var width: Int?

    @Option(name: .long, help: "Chart height in pixels (default: 1500 usage, 900 weekly).")
    var height: Int?

    @Option(name: .customLong("group-label"), help: ArgumentHelp("Label of a group, e.g. A=\"DirCache 0\" (repeatable).", valueName: "GROUP=LABEL"))
    var groupLabel: [String] = []

    @Option(name: .long, help: "The control group (default: the group whose label says control, default or none).")
    var control: String?

    @Option(name: .long, help: "The group compared with the control (default: lowest final mean).")
    var compare: String?

    @Option(name: .long, help: "Relays drawn as named lines in the trajectories chart.")
    var top: Int = 20

    @Option(name: .customLong("outlier-threshold"), help: ArgumentHelp("Outlier threshold in GB (default: mean + 2σ).", valueName: "GB"))
    var outlierThreshold: Double?

    @Option(name: .customLong("fragmentation-zone"), help: ArgumentHelp("Lower edge of the shaded fragmentation zone.", valueName: "GB"))
    var fragmentationZone: Double = 4

    @Option(name: .customLong("expected-max"), help: ArgumentHelp("Expected maximum RSS per relay, drawn as a reference line.", valueName: "GB"))
    var expectedMax: Double = 1

    @Option(name: .customLong("fragmentation-factor"), help: "A group is FRAGMENTED when it ends above this factor × its post-change minimum.")
    var fragmentationFactor: Double = 2

    @Flag(name: .long, help: "Fail (exit 3) when any row cannot be read, instead of skipping it.")
    var strict = false

    @Flag(name: [.short, .long], help: "Print only warnings and errors.")
    var quiet = false

    func validate() throws {
        if data.isEmpty { throw ValidationError("missing --data FILE (a monitor or unified CSV file)") }
        if let color, Color(hex: color) == nil {
            throw ValidationError("--color \(color): expected a colour like #00d4aa")
        }
        for (name, v) in [("--width", width), ("--height", height)] {
            if let v, !(200...20_000).contains(v) { throw ValidationError("\(name) \(v): expected 200 to 20000 pixels") }
        }
        for g in groupLabel where !g.contains("=") || g.hasPrefix("=") {
            throw ValidationError("--group-label \(g): expected GROUP=LABEL, e.g. A=\"DirCache 0\"")
        }
        if !(1...200).contains(top) { throw ValidationError("--top \(top): expected 1 to 200 relays") }
        for (name, v) in [("--outlier-threshold", outlierThreshold), ("--fragmentation-zone", fragmentationZone),
                          ("--expected-max", expectedMax)] {
            if let v, !(v.isFinite && v > 0 && v < 10_000) { throw ValidationError("\(name) \(v): expected a positive number of GB") }
        }
        if !(fragmentationFactor.isFinite && fragmentationFactor > 1 && fragmentationFactor < 100) {
            throw ValidationError("--fragmentation-factor \(fragmentationFactor): expected a number above 1")
        }
        if prefix.isEmpty || prefix.contains("/") {
            throw ValidationError("--prefix \(prefix): expected a file name prefix without '/'")
        }
    }

    func run() throws {
        var request = ChartsRequest(dataPaths: data, outputDirectory: outputDir, title: title,
                                    accent: color.flatMap(Color.init(hex:)), prefix: prefix, theme: theme,
                                    format: format, width: width, height: height, strict: strict)
        for g in groupLabel {
            let parts = g.split(separator: "=", maxSplits: 1)
            var label = String(parts[1])
            if label.count >= 2, label.hasPrefix("\""), label.hasSuffix("\"") { label = String(label.dropFirst().dropLast()) }
            request.groupLabels[String(parts[0])] = label
        }
        request.control = control
        request.compare = compare
        request.factor = fragmentationFactor
        request.relayOptions = RelayChartOptions(zoneGB: fragmentationZone, expectedMaxGB: expectedMax, topN: top,
                                                 outlierThresholdGB: outlierThreshold)
        let report = try ChartsJob.run(request) { printError("warning: \($0)") }
        if !quiet { print(report.text) }
    }
}

func printError(_ s: String) {
    var e = StandardError()
    print(s, to: &e)
}

struct StandardError: TextOutputStream {
    mutating func write(_ s: String) {
        var bytes = Array(s.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }
}

// Exit statuses are part of the contract: usage errors are 2 (not ArgumentParser's 64).
do {
    var command = try TormemCharts.parseAsRoot()
    try command.run()
} catch let error as TormemError {
    printError("tormem-charts: error: \(error)")
    exit(error.exitCode)
} catch {
    let code = TormemCharts.exitCode(for: error)
    if code == .success {
        print(TormemCharts.fullMessage(for: error))
        exit(0)
    }
    printError(TormemCharts.fullMessage(for: error))
    exit(2)
}
