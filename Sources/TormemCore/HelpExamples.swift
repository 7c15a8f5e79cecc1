/// Two or three real command lines per command, printed at the end of its `--help` (after the
/// options, where people look for them), unwrapped so they can be copied.
public struct HelpExamples: Sendable {
    /// Command name → its examples; the root command is "".
    public var byCommand: [String: [String]]
    /// The command `--help` without a command is about.
    public var defaultCommand: String

    public init(byCommand: [String: [String]], defaultCommand: String = "") {
        self.byCommand = byCommand; self.defaultCommand = defaultCommand
    }

    /// Whether `arguments` ask for help (`--help`, `-h`, `help …`).
    public static func asksForHelp(_ arguments: [String]) -> Bool {
        arguments.first == "help" || arguments.contains("--help") || arguments.contains("-h")
    }

    /// The command help is asked for: the first word naming a command (`help report`, `report --help`).
    public func command(in arguments: [String]) -> String {
        arguments.first { byCommand[$0] != nil && $0 != "" } ?? defaultCommand
    }

    /// `EXAMPLES:` and the command's examples, or "" when it has none.
    public func text(for command: String) -> String {
        guard let lines = byCommand[command], !lines.isEmpty else { return "" }
        return "\nEXAMPLES:\n" + lines.map { "  " + $0 }.joined(separator: "\n") + "\n"
    }
}
