import ArgumentParser
import TormemKit

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Draw a report folder's charts into DIR/charts/ and write DIR/README.md and DIR/REPORT.md.",
        discussion: """
        DIR is a report folder (reports/YYYY-MM-DD-host-description/) holding data.csv, \
        measurements.csv, memory_measurements.csv or memory.csv (or give --data FILE). Only the parts \
        of README.md and REPORT.md between <!-- tormem:begin NAME --> and <!-- tormem:end NAME --> \
        markers are rewritten, and only while their text is what tormem wrote there (the begin \
        marker records its digest): a section you edited is kept and reported (--reset NAME \
        regenerates it), one whose markers you deleted is not inserted again. Charts tormem drew \
        with earlier options that the current ones do not produce are removed from DIR/charts/. Chart options given are \
        recorded in DIR/tormem.json, so a later `report DIR` or `regenerate` draws the same charts.

        With --new NAME --host HOST --date YYYY-MM-DD --data FILE it first creates \
        <reports-dir>/DATE-HOST-NAME/ and copies into it the data file FILE (keeping one of the \
        names above, else as data.csv) and what it finds in FILE's folder: experiment.json, \
        relay_config.csv, events.csv, diagnostics.csv, the group files groups/group_*.txt and \
        the relays_file of each group in experiment.json, at the same place in the new folder. \
        A relays_file given relative to FILE's folder but outside it (../lists/b.txt) is refused \
        (exit 3): move it into the folder, or give an absolute path. --host and --date default to the \
        "server" and "start_date" of FILE's experiment.json; every file copied is listed.
        """)

    @Argument(help: "The report folder.")
    var dir: String?

    @Option(name: .long, help: "The data file (default: the conventional data file in DIR).")
    var data: String?

    @Option(name: .long, help: ArgumentHelp("Create a new report folder with this description.", valueName: "NAME"))
    var new: String?

    @Option(name: .long, help: "Host name for --new (default: \"server\" of the experiment.json next to --data).")
    var host: String?

    @Option(name: .long, help: ArgumentHelp("Date for --new (default: \"start_date\" of the experiment.json next to --data).", valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(name: .customLong("reports-dir"), help: "Where --new creates the folder.")
    var reportsDir: String = "reports"

    @Option(name: .long, help: ArgumentHelp("Write every number of the run as JSON to FILE (- for standard output, instead of the summary).", valueName: "FILE"))
    var json: String?

    @Flag var check: CheckOption?

    @OptionGroup var reset: ResetOption

    @OptionGroup var chart: ChartOptions

    func validate() throws {
        try ChartOptions.requireNonEmpty([("DIR", dir), ("--data", data), ("--new", new), ("--host", host), ("--date", date),
                                          ("--reports-dir", reportsDir), ("--json", json)])
        if data == "-" {
            throw ValidationError("--data -: a report folder keeps a copy of its data file and is drawn again from it; save standard input to a file first")
        }
        if check != nil, new != nil { throw ValidationError("--check checks an existing folder: give DIR, not --new") }
        if new != nil {
            if data == nil { throw ValidationError("--new needs --data FILE (and --host HOST --date YYYY-MM-DD, unless the experiment.json next to FILE has \"server\" and \"start_date\")") }
            if dir != nil { throw ValidationError("give either DIR or --new NAME, not both") }
        } else if dir == nil {
            throw ValidationError("missing DIR (a report folder) or --new NAME")
        }
    }

    func run() throws {
        let given = try chart.settings()
        var request = try chart.request(data: [], outputDir: "")
        request.jsonPath = json
        let result: ReportJob.Result
        if let new, let data {
            result = try ReportJob.createAndRun(reportsDir: reportsDir, name: new, host: host, date: date, data: data,
                                                options: request, given: given) { Console.printError("warning: \($0)") }
        } else {
            result = try ReportJob.run(try ReportFolder(path: dir!, data: data), options: request, given: given,
                                       check: check?.mode, reset: reset.set) {
                Console.printError("warning: \($0)")
            }
            if check != nil { try result.requireCurrent() }
        }
        if json == "-" {
            print(result.json, terminator: "")
        } else if check != nil {
            if !chart.quiet { print("\(result.folder): current") }
        } else if !chart.quiet {
            for c in result.copied { print("copied \(c.from) → \(c.to)") }
            print("\(result.folder): \(result.written.isEmpty ? "up to date" : "wrote \(result.written.count) files")")
            for w in result.written { print("wrote \(w)") }
            for r in result.removed { print("removed \(r) (drawn by tormem with earlier options; not produced by the current ones)") }
            for s in result.skipped { print("skipped \(s.name): \(s.reason)") }
        }
    }
}
