import ArgumentParser
import TormemCore
import TormemKit
import TormemCairo
import TormemCharts
import TormemPlot
import TormemData
#if canImport(Glibc)
import Glibc
#endif

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

func printError(_ s: String) {
    var e = StandardError()
    print(s, to: &e)
}

struct StandardError: TextOutputStream {
    mutating func write(_ s: String) {
        var bytes = Array(s.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }
}

// Exit statuses are part of the contract: usage errors are 2 (not ArgumentParser's 64).
MemoryTuning.apply()
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments == ["--help"] || arguments == ["-h"] || arguments == ["help"] {
    // The default command's options are what most people look for: show them with the overview.
    print(TormemCharts.helpMessage())
    print("")
    print(TormemCharts.helpMessage(for: DrawCommand.self))
    exit(0)
}
do {
    var command = try TormemCharts.parseAsRoot()
    try command.run()
} catch let error as TormemError {
    printError("tormem-charts: error: \(error)")
    exit(error.exitCode)
} catch {
    let code = TormemCharts.exitCode(for: error)
    if code == .success {
        print(TormemCharts.fullMessage(for: error))
        exit(0)
    }
    printError(TormemCharts.fullMessage(for: error))
    exit(2)
}
