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
        Reads monitor or unified CSV files (format detected from the header) and writes \
        <prefix>_usage and <prefix>_weekly charts into the output folder.

        Exit status: 0 success (warnings allowed), 2 usage error, 3 input error (nothing usable), \
        4 output error (cannot write).
        """,
        version: "0.1.0")

    @Option(name: .long, help: "A data file (CSV); repeat for one file per server.")
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
        if prefix.isEmpty || prefix.contains("/") {
            throw ValidationError("--prefix \(prefix): expected a file name prefix without '/'")
        }
    }

    func run() throws {
        let request = ChartsRequest(dataPaths: data, outputDirectory: outputDir, title: title,
                                    accent: color.flatMap(Color.init(hex:)), prefix: prefix, theme: theme,
                                    format: format, width: width, height: height, strict: strict)
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
