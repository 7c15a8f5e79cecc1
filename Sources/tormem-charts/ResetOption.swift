import ArgumentParser
import TormemCore
import TormemKit

/// `--reset NAME`: regenerate a generated section of README.md / REPORT.md that a person edited
/// (or whose markers they removed), instead of keeping it.
struct ResetOption: ParsableArguments {
    @Option(name: .customLong("reset"), help: ArgumentHelp(
        "Regenerate this generated section although it was edited (or insert it again after its markers were removed); repeatable. Sections: \(ReportEmitter.sectionNames.joined(separator: ", ")).",
        valueName: "SECTION"))
    var names: [String] = []

    func validate() throws {
        for n in names where !ReportEmitter.sectionNames.contains(n) {
            let hint = Suggestion.closest(to: n, among: ReportEmitter.sectionNames).map { "; did you mean '\($0)'?" }
                ?? "; expected one of " + ReportEmitter.sectionNames.joined(separator: ", ")
            throw ValidationError("--reset \(n): no such generated section" + hint)
        }
    }

    var set: Set<String> { Set(names) }
}
