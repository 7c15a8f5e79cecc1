import ArgumentParser
import TormemCore
import TormemKit

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare the same configurations across report folders, each against its own folder's control.",
        discussion: """
        Each DIR is a report folder (or an experiment folder), analysed as its own `report` \
        analyses it (its tormem.json applies). Groups are one configuration when --match says so, \
        or when their labels read the same with case and punctuation ignored (glibc-control and \
        "Glibc (control)"); a group ID alone (A, B, …) never matches. Each folder's control is its \
        own: the group its labels call control, default, none or baseline, or --control FOLDER:GROUP. \
        A FOLDER is a folder's name, its path as given, or the name it is shown by (its server).

        For each configuration and folder: n, end mean, window, and the difference against that \
        folder's own control in % with its 95 % bootstrap interval (the report's numbers). The \
        comparison folder --output DIR gets README.md, REPORT.md (draft findings, tables), \
        charts/compare_effects.png (a forest plot) and charts/compare_end_means.png, and a \
        tormem.json keeping the folders (relative to DIR) and options: `compare --output DIR` alone \
        draws it again, `regenerate ROOT` redraws it after the report folders, and --check there \
        makes it stale when a folder's data, side files or options change.
        """)

    @Argument(help: "The report folders (at least two; none: those in --output's tormem.json).")
    var dirs: [String] = []

    @Option(name: .long, help: ArgumentHelp("The comparison folder (created when missing).", valueName: "DIR"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("Groups that are one configuration, one per folder (repeatable).", valueName: "NAME=FOLDER:GROUP,FOLDER:GROUP"))
    var match: [String] = []

    @Option(name: .long, help: ArgumentHelp("The control of a folder whose labels do not say (repeatable).", valueName: "FOLDER:GROUP"))
    var control: [String] = []

    @Option(name: .long, help: ArgumentHelp("Write every number of the comparison as JSON to FILE (- for standard output, instead of the summary).", valueName: "FILE"))
    var json: String?

    @Option(name: .long, help: "What the comparison is about (default: its configurations and experiments).")
    var title: String?

    @Option(name: .long, help: "Colour theme: dark, light, or both (default: dark).")
    var theme: ChartsRequest.ThemeName?

    @Option(name: .long, help: "Output file format (default: png).")
    var format: ChartsRequest.FileFormat?

    @Option(name: .long, help: "Chart width in pixels (default: about 2100).")
    var width: Int?

    @Option(name: .long, help: "Chart height in pixels (default: by the number of rows).")
    var height: Int?

    @Flag var check: CheckOption?

    @OptionGroup var reset: ResetOption

    @Flag(name: .shortAndLong, help: "Print nothing but warnings and errors.")
    var quiet = false

    func validate() throws {
        try ChartOptions.requireNonEmpty([("--output", output), ("--json", json)] + dirs.map { ("DIR", $0) })
        if dirs.count == 1 { throw ValidationError("compare \(dirs[0]): expected at least two report folders") }
    }

    func run() throws {
        var a = ChartArguments()
        a.set(.title, title)
        a.set(.theme, theme)
        a.set(.format, format)
        a.set(.width, width)
        a.set(.height, height)
        let request = CompareRequest(folders: dirs, output: output,
                                     matches: try match.map { m throws(TormemError) in try CompareSettings.Match(parsing: m) },
                                     controls: try control.map { c throws(TormemError) in try CompareSettings.GroupRef(parsing: c, option: "--control") },
                                     chart: try a.settings(), jsonPath: json)
        let result = try CompareJob.run(request, check: check?.mode, reset: reset.set) { Console.printError("warning: \($0)") }
        if check != nil { try result.requireCurrent() }
        if json == "-" {
            print(result.json, terminator: "")
        } else if check != nil {
            if !quiet { print("\(result.folder): current") }
        } else if !quiet {
            for line in result.summary { print(line) }
            print("\(result.folder): \(result.written.isEmpty ? "up to date" : "wrote \(result.written.count) files")")
            for w in result.written { print("wrote \(w)") }
            for r in result.removed { print("removed \(r) (drawn by tormem with earlier options; not produced by the current ones)") }
        }
    }
}
