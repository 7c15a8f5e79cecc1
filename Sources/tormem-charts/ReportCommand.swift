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
        relay_config.csv, events.csv, diagnostics.csv, onionoo_details.json, onionoo_bandwidth.json, \
        the group files groups/group_*.txt and \
        the relays_file of each group in experiment.json, at the same place in the new folder. \
        A relays_file given relative to FILE's folder but outside it (../lists/b.txt) is refused \
        (exit 3): move it into the folder, or give an absolute path. --host and --date default to the \
        "server" and "start_date" of FILE's experiment.json; every file copied is listed. \
        --side-files DIR copies the side files from DIR instead of FILE's folder.

        With --new NAME --prometheus URL (and --match, --server-label, --since/--until or --last) \
        it reads the samples from the server instead and keeps them as the folder's data.csv (a \
        snapshot, in the collector's unified format), copies the side files of --side-files DIR, \
        and keeps the query in tormem.json (the URL without credentials, --match, --server-label, \
        and the window as absolute --since and --until; never credentials, their files or \
        --timeout). --host defaults to experiment.json's "server", else the one server of the \
        samples; --date to its "start_date", else the window's first day. The folder is then drawn \
        from the snapshot: report DIR, regenerate and --check need no server. report DIR --refresh \
        (with the credential options and --timeout; --until or --last move the window) asks the \
        server again, replaces the snapshot only when it answers, and redraws; with --check it \
        writes nothing and says whether the snapshot is behind the server.
        """)

    @Argument(help: "The report folder.")
    var dir: String?

    @Option(name: .long, help: "The data file (default: the conventional data file in DIR).")
    var data: String?

    @OptionGroup var source: PrometheusOptions

    @Option(name: .customLong("side-files"), help: ArgumentHelp("With --new: copy the side files (relay_config.csv, groups/, experiment.json, events.csv, diagnostics.csv, onionoo_*.json) from DIR instead of the data file's folder.", valueName: "DIR"))
    var sideFiles: String?

    @Flag(name: .long, help: "Read the samples of a folder made with --new --prometheus again from its server (the query kept in tormem.json), replace its snapshot and redraw.")
    var refresh = false

    @Option(name: .long, help: ArgumentHelp("Create a new report folder with this description.", valueName: "NAME"))
    var new: String?

    @Option(name: .long, help: "Host name for --new (default: \"server\" of the experiment.json next to --data or in --side-files; with --prometheus, else the one server of the samples).")
    var host: String?

    @Option(name: .long, help: ArgumentHelp("Date for --new (default: \"start_date\" of the experiment.json next to --data or in --side-files; with --prometheus, else the window's first day).", valueName: "YYYY-MM-DD"))
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
                                          ("--reports-dir", reportsDir), ("--json", json), ("--side-files", sideFiles)])
        try source.requireServer(refresh: refresh)
        if source.prometheus != nil, data != nil { throw ValidationError("--data and --prometheus: give one source, not both") }
        if source.prometheus != nil, new == nil {
            throw ValidationError("--prometheus is for --new NAME (a folder keeps its query: report DIR --refresh asks again)")
        }
        if refresh {
            if new != nil || dir == nil { throw ValidationError("--refresh refreshes an existing folder: give DIR, not --new") }
            if data != nil { throw ValidationError("--refresh rewrites the folder's own snapshot: give no --data") }
        }
        if sideFiles != nil, new == nil {
            throw ValidationError("--side-files is for --new (a report folder keeps its own side files: copy them into DIR)")
        }
        if data == "-" {
            throw ValidationError("--data -: a report folder keeps a copy of its data file and is drawn again from it; save standard input to a file first")
        }
        if check != nil, new != nil { throw ValidationError("--check checks an existing folder: give DIR, not --new") }
        if new != nil {
            if data == nil, source.prometheus == nil { throw ValidationError("--new needs --data FILE or --prometheus URL (and --host HOST --date YYYY-MM-DD, unless the experiment.json next to FILE has \"server\" and \"start_date\")") }
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
        let side = sideFiles.map(ChartOptions.folder)
        if let new, let query = source.query {
            result = try ReportJob.createFromPrometheus(reportsDir: reportsDir, name: new, host: host, date: date, query: query,
                                                        sideFolder: side, options: request, given: given) { Console.printError("warning: \($0)") }
        } else if let new, let data {
            result = try ReportJob.createAndRun(reportsDir: reportsDir, name: new, host: host, date: date, data: data, sideFolder: side,
                                                options: request, given: given) { Console.printError("warning: \($0)") }
        } else if refresh {
            result = try ReportJob.refresh(try ReportFolder(path: dir!), options: request, given: given, credentials: source.credentials,
                                           timeout: source.timeout ?? PrometheusQuery.defaultTimeout, check: check?.mode,
                                           reset: reset.set) { Console.printError("warning: \($0)") }
            if check != nil { try result.requireCurrent() }
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
