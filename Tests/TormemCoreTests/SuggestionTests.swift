import Testing
@testable import TormemCore

@Suite struct SuggestionTests {
    let commands = ["draw", "report", "regenerate"]

    @Test func closeWordsAreSuggested() {
        #expect(Suggestion.closest(to: "regenrate", among: commands) == "regenerate")   // a letter left out
        #expect(Suggestion.closest(to: "reprot", among: commands) == "report")          // two swapped
        #expect(Suggestion.closest(to: "drwa", among: commands) == "draw")
        #expect(Suggestion.closest(to: "REPORT", among: commands) == "report")
        #expect(Suggestion.closest(to: "regen", among: commands) == "regenerate")       // a prefix of one
        #expect(Suggestion.closest(to: "colour", among: ["color", "title"]) == "color")
    }

    @Test func farWordsAreNot() {
        #expect(Suggestion.closest(to: "xyz", among: commands) == nil)
        #expect(Suggestion.closest(to: "re", among: commands) == nil)                   // too short to be a prefix
        #expect(Suggestion.closest(to: "status", among: commands) == nil)
        #expect(Suggestion.distance(Array("kitten"), Array("sitting")) == 3)
    }

    @Test func optionNamesAreReadFromHelp() {
        let help = "  --data <FILE>   A data file\n  --output-dir <dir>\n  -q, --quiet\n  see --data again; a-- b"
        #expect(Suggestion.optionNames(inHelp: help) == ["data", "output-dir", "quiet"])
    }
}
