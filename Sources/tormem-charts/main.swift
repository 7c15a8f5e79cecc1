import ArgumentParser
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
        subcommands: [DrawCommand.self, ReportCommand.self, RegenerateCommand.self],
        defaultSubcommand: DrawCommand.self)
}

// Exit statuses are part of the contract: usage errors are 2 (not ArgumentParser's 64).
MemoryTuning.apply()
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments == ["--help"] || arguments == ["-h"] || arguments == ["help"] {
    // The default command's options are what most people look for: show them with the overview.
    print(TormemCharts.helpMessage())
    print("")
    print(TormemCharts.helpMessage(for: DrawCommand.self))
    Console.exit(0)
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
        Console.exit(0)
    }
    Console.printError(TormemCharts.fullMessage(for: error))
    Console.exit(2)
}
