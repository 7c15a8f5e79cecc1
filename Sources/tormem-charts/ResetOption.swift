import ArgumentParser
import TormemCore
import TormemKit

/// `--reset NAME`: regenerate a generated section of README.md / REPORT.md that a person edited
/// (or whose markers they removed), instead of keeping it.
struct ResetOption: ParsableArguments {
    @Option(name: .customLong("reset"), help: ArgumentHelp(
        "Regenerate this generated section although it was edited (or insert it again after its markers were removed); repeatable. Sections: \(ReportEmitter.sectionNames.joined(separator: ", ")); of a comparison folder also \(ResetOption.comparisonOnly.joined(separator: ", ")).",
        valueName: "SECTION"))
    var names: [String] = []

    /// The sections only a comparison folder has.
    static let comparisonOnly = CompareEmitter.sectionNames.filter { !ReportEmitter.sectionNames.contains($0) }
    static let known = ReportEmitter.sectionNames + comparisonOnly

    func validate() throws {
        for n in names where !ResetOption.known.contains(n) {
            let hint = Suggestion.closest(to: n, among: ResetOption.known).map { "; did you mean '\($0)'?" }
                ?? "; expected one of " + ResetOption.known.joined(separator: ", ")
            throw ValidationError("--reset \(n): no such generated section" + hint)
        }
    }

    var set: Set<String> { Set(names) }
}
