#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import TormemCore

/// Printed at the end of each command's `--help`.
let examples = HelpExamples(byCommand: [
    "": [
        "tormem status",
        "tormem collect --output /var/lib/tormem/measurements.csv",
        "tormem verify --require dircache0,maxmem",
    ],
    "collect": [
        "tormem collect --output /var/lib/tormem/measurements.csv",
        "tormem collect --auto-dir \"guard fragmentation\" --reports-dir /var/lib/tormem/reports --prometheus /var/lib/prometheus/node-exporter/tormem.prom",
        "echo '*/5 * * * * root tormem collect --output /var/lib/tormem/measurements.csv' > /etc/cron.d/tormem",
    ],
    "status": ["tormem status", "tormem status --json", "tormem status --instances-dir /etc/tor/instances"],
    "csv": ["tormem csv", "tormem csv | tormem-charts --data - --output-dir /tmp/now"],
    "detail": ["tormem detail guard01", "tormem detail guard01 --tor-data-root /var/lib/tor-instances"],
    "watch": ["tormem watch guard01", "tormem watch guard01 --interval 30"],
    "verify": ["tormem verify", "tormem verify --require dircache0,maxmem", "tormem verify --json"],
])

// Exit statuses are part of the contract: usage errors are 2 (not ArgumentParser's 64),
// input errors 3, output errors 4.
// A first word that is no command is a typo (`stauts`): say which command was meant.
let arguments = Array(CommandLine.arguments.dropFirst())
let commands = Tormem.configuration.subcommands.map { $0._commandName } + ["help"]
if let first = arguments.first, !first.hasPrefix("-"), !commands.contains(first) {
    let message = Suggestion.unknownCommand(first, commands: commands.filter { $0 != "help" },
                                            options: Suggestion.optionNames(inHelp: Tormem.helpMessage()))
    writeError("tormem: error: \(message)\nSee 'tormem --help' for the commands.")
    exit(2)
}
do {
    var command = try Tormem.parseAsRoot()
    try command.run()
} catch let error as TormemError {
    writeError("tormem: error: \(error)")
    exit(error.exitCode)
} catch let code as ExitCode {
    // A command's own verdict (verify --require: 1), its message already written.
    exit(code.rawValue)
} catch {
    if Tormem.exitCode(for: error) == .success {
        writeOut(Tormem.fullMessage(for: error) + "\n")
        if HelpExamples.asksForHelp(arguments) { writeOut(examples.text(for: examples.command(in: arguments))) }
        exit(0)
    }
    // An option the command does not have (`--outptu`) is named, with the one meant, even when the
    // parser stopped earlier at what the typo left missing (no --output).
    let command = Tormem.configuration.subcommands.first { $0._commandName == arguments.first }
    func options(_ type: any ParsableCommand.Type) -> [String] {
        Suggestion.listedOptionNames(inHelp: Tormem.helpMessage(for: type))
    }
    let name = command.map { $0._commandName } ?? "tormem"
    if let message = Suggestion.unknownOption(in: arguments, command: name, options: options(command ?? Tormem.self),
                                              elsewhere: Tormem.configuration.subcommands.map { ($0._commandName, options($0)) }) {
        writeError("tormem: error: \(message)\nSee 'tormem \(command == nil ? "" : name + " ")--help' for its options.")
        exit(2)
    }
    writeError(Tormem.fullMessage(for: error))
    exit(2)
}
