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

    @Test func optionNamesListedAreOnlyThoseOfOptionLines() {
        let help = """
        OVERVIEW: see --data and report --check.

        OPTIONS:
          --data <FILE>           A data file
                                  --not-this continues the text above.
          -q, --quiet             Say less.
          --check/--check-pixels  Compare.
          --reports-dir <reports-dir>
                                  Where.
          --strict
        """
        #expect(Suggestion.listedOptionNames(inHelp: help) == ["data", "quiet", "check", "check-pixels", "reports-dir", "strict"])
    }

    @Test func unknownOptionsAreNamedWithTheOneMeant() {
        let draw = ["data", "output-dir", "title"], report = ["data", "check", "new"]
        let all = [("draw", draw), ("report", report)]
        func message(_ arguments: [String]) -> String? {
            Suggestion.unknownOption(in: arguments, command: "draw", options: draw, elsewhere: all)
        }
        #expect(message(["--dat", "x.csv"]) == "unknown option \"--dat\"; did you mean '--data'?")
        #expect(message(["--dat=x.csv"]) == "unknown option \"--dat\"; did you mean '--data'?")
        #expect(message(["--data", "x", "--titel", "t"]) == "unknown option \"--titel\"; did you mean '--title'?")
        #expect(message(["--check"]) == "unknown option \"--check\" for 'draw'; it is an option of 'report'")
        #expect(message(["--chek"]) == "unknown option \"--chek\" for 'draw'; did you mean 'report --check'?")
        #expect(message(["--frobnicate"]) == "unknown option \"--frobnicate\" for 'draw'")
    }

    @Test func knownOptionsAndOperandsAreNoFinding() {
        #expect(Suggestion.unknownOption(in: ["--data", "x", "--help", "--version", "-q", "--", "--dat"],
                                         command: "draw", options: ["data"]) == nil)
    }
}

