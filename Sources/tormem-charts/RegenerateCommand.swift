import ArgumentParser
import TormemKit

struct RegenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regenerate",
        abstract: "Run `report` for every report folder under ROOT, then `compare` for every comparison folder.",
        discussion: """
        Each folder's chart options come from its tormem.json; options given here override them \
        and are recorded there. Comparison folders (made by `compare`) are redrawn after the report \
        folders they compare, with the options given that say how charts look.

        With --check nothing is written: exit 1 and a list of every chart, generated section or \
        tormem.json that would change, exit 0 when all are current. A chart is current when the \
        source fingerprint in its metadata matches its data, side files and options (the same \
        verdict on any machine, whatever its cairo); --check=pixels compares the bytes of a fresh \
        drawing instead. CI runs `tormem-charts regenerate reports --check`.
        """)

    @Argument(help: "The folder of report folders.")
    var root: String = "reports"

    @Flag var check: CheckOption?

    @OptionGroup var reset: ResetOption

    @OptionGroup var chart: ChartOptions

    func validate() throws {
        try ChartOptions.requireNonEmpty([("ROOT", root)])
    }

    func run() throws {
        try ReportJob.regenerate(root: root, options: try chart.request(data: [], outputDir: ""), given: try chart.settings(), check: check?.mode,
                                 reset: reset.set, warn: { Console.printError("warning: \($0)") },
                                 progress: { if !chart.quiet { print($0) } })
    }
}
