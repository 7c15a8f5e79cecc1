import ArgumentParser
import TormemCore
import TormemKit

struct TormemCharts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tormem-charts",
        abstract: "Draw charts of Tor relay memory from measurement CSV files, and keep report folders current.",
        discussion: """
        Exit status: 0 success (warnings allowed), 1 `regenerate --check` found stale output, \
        2 usage error, 3 input error (nothing usable), 4 output error (cannot write).
        """,
        version: "0.1.0",
        subcommands: [DrawCommand.self, ReportCommand.self, RegenerateCommand.self, CompareCommand.self, ExportCommand.self],
        defaultSubcommand: DrawCommand.self)
}

/// Printed at the end of each command's `--help`.
let examples = HelpExamples(byCommand: [
    "draw": [
        "tormem-charts --data measurements.csv --output-dir charts/",
        "tormem-charts --data measurements.csv.gz --last 30d --theme both --output-dir charts/",
        "ssh relay-host cat /var/lib/tormem/measurements.csv | tormem-charts --data - --output-dir charts/",
    ],
    "report": [
        "tormem-charts report --new \"guard fragmentation\" --host co --date 2025-09-18 --data measurements.csv",
        "tormem-charts report reports/2025-09-18-co-guard-fragmentation --theme both",
        "tormem-charts report reports/2025-09-18-co-guard-fragmentation --check",
    ],
    "regenerate": [
        "tormem-charts regenerate reports/",
        "tormem-charts regenerate reports/ --check",
        "tormem-charts regenerate reports/ --check=pixels",
    ],
    "compare": [
        "tormem-charts compare reports/2025-12-25-relayhost-allocator-comparison reports/2026-01-20-edgehost-allocator-rerun --output reports/2026-01-30-allocators-across-hosts",
        "tormem-charts compare reports/A reports/B --output reports/C --match \"jemalloc=A:B,B:D\" --control B:E",
        "tormem-charts compare --output reports/2026-01-30-allocators-across-hosts --check",
    ],
    "export": [
        "tormem-charts export --openmetrics --data measurements.csv --output history.om",
        "tormem-charts export --openmetrics --data co.csv --data de.csv.gz --output fleet.om",
    ],
], defaultCommand: "draw")

// Exit statuses are part of the contract: usage errors are 2 (not ArgumentParser's 64).
MemoryTuning.apply()
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments == ["--help"] || arguments == ["-h"] || arguments == ["help"] {
    // The default command's options are what most people look for: show them with the overview.
    print(TormemCharts.helpMessage())
    print("")
    print(TormemCharts.helpMessage(for: DrawCommand.self))
    print(examples.text(for: "draw"), terminator: "")
    Console.exit(0)
}
// A first word that is no command is a typo (`regenrate`, `colour`) or a data file given without --data.
let commands = TormemCharts.configuration.subcommands.map { $0._commandName } + ["help"]
if let first = arguments.first, !first.hasPrefix("-"), !commands.contains(first) {
    let message = first.hasSuffix(".csv") || first.hasSuffix(".gz")
        ? "unknown command \(MessageText.quoted(first)); did you mean --data \(MessageText.quoted(first))?"
        : Suggestion.unknownCommand(first, commands: commands.filter { $0 != "help" },
                                    options: Suggestion.optionNames(inHelp: TormemCharts.helpMessage(for: DrawCommand.self)))
    Console.printError("tormem-charts: error: \(message)\nSee 'tormem-charts --help' for the commands and their options.")
    Console.exit(2)
}
do {
    var command = try TormemCharts.parseAsRoot(CheckOption.spellings(arguments))
    try command.run()
} catch {
    if let failure = Console.failure(error) {
        Console.printError("tormem-charts: error: \(failure.message)")
        Console.exit(failure.status)
    }
    if TormemCharts.exitCode(for: error) == .success {
        print(TormemCharts.fullMessage(for: error))
        if HelpExamples.asksForHelp(arguments) { print(examples.text(for: examples.command(in: arguments)), terminator: "") }
        Console.exit(0)
    }
    // An option the command does not have (`--dat`) is named, with the one meant, even when the
    // parser stopped earlier at what the typo left missing (`--dat x.csv`: no --data).
    let command = TormemCharts.configuration.subcommands.first { $0._commandName == arguments.first } ?? DrawCommand.self
    func options(_ type: any ParsableCommand.Type) -> [String] {
        Suggestion.listedOptionNames(inHelp: TormemCharts.helpMessage(for: type))
    }
    if let message = Suggestion.unknownOption(in: arguments, command: command._commandName, options: options(command),
                                              elsewhere: TormemCharts.configuration.subcommands.map { ($0._commandName, options($0)) }) {
        Console.printError("tormem-charts: error: \(message)\nSee 'tormem-charts \(command._commandName) --help' for its options.")
        Console.exit(2)
    }
    Console.printError(TormemCharts.fullMessage(for: error))
    Console.exit(2)
}
