import ArgumentParser
import TormemCore
import TormemKit
import TormemData

struct RegenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regenerate",
        abstract: "Run `report` for every report folder under ROOT.",
        discussion: """
        With --check nothing is written: exit 1 and a list of every chart or generated section that \
        would change (missing or different bytes), exit 0 when all are current. CI runs \
        `tormem-charts regenerate reports/ --check`.
        """)

    @Argument(help: "The folder of report folders.")
    var root: String = "reports"

    @Flag(name: .long, help: "Write nothing; exit 1 when any output would change.")
    var check = false

    @OptionGroup var chart: ChartOptions

    func run() throws {
        let folders = try ReportJob.folders(under: root)
        if folders.isEmpty { throw TormemError.input(Diagnostic(file: root, message: "no report folders (folders holding data.csv or measurements.csv)")) }
        var stale: [String] = []
        for path in folders {
            let result = try ReportJob.run(try ReportFolder(path: path), options: chart.request(data: [], outputDir: ""), check: check) {
                printError("warning: \($0)")
            }
            stale += result.stale
            if !chart.quiet {
                if check {
                    print("\(path): \(result.stale.isEmpty ? "current" : "\(result.stale.count) stale")")
                } else {
                    print("\(path): \(result.written.isEmpty ? "up to date" : "wrote \(result.written.count) files")")
                }
            }
        }
        if check, !stale.isEmpty { throw TormemError.stale(stale) }
    }
}
