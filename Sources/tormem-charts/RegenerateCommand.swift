import ArgumentParser
import TormemKit

struct RegenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regenerate",
        abstract: "Run `report` for every report folder under ROOT, then `compare` for every comparison folder.",
        discussion: """
        Each folder's chart options come from its tormem.json; options given here override them \
        and are recorded there. A folder whose charts, generated sections and tormem.json are \
        current (by the charts' source fingerprints, as --check finds them) is left as it is and \
        nothing of it is drawn; --force draws every folder again (after a cairo upgrade, say). \
        Comparison folders (made by `compare`) are redrawn after the report \
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

    @Flag(name: .long, help: "Draw every folder's charts again, also where they are current by their source fingerprints (without it only folders with an output out of date are drawn).")
    var force = false

    @OptionGroup var reset: ResetOption

    @OptionGroup var chart: ChartOptions

    func validate() throws {
        try ChartOptions.requireNonEmpty([("ROOT", root)])
        if force, check != nil { throw ValidationError("--force draws every folder; --check writes nothing: give one of them") }
    }

    func run() throws {
        try ReportJob.regenerate(root: root, options: try chart.request(data: [], outputDir: ""), given: try chart.settings(), check: check?.mode,
                                 reset: reset.set, force: force, warn: { Console.printError("warning: \($0)") },
                                 progress: { if !chart.quiet { print($0) } })
    }
}
