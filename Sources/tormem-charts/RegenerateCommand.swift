import ArgumentParser
import TormemKit

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

    func validate() throws {
        try ChartOptions.requireNonEmpty([("ROOT", root)])
    }

    func run() throws {
        try ReportJob.regenerate(root: root, options: chart.request(data: [], outputDir: ""), check: check,
                                 warn: { Console.printError("warning: \($0)") },
                                 progress: { if !chart.quiet { print($0) } })
    }
}
