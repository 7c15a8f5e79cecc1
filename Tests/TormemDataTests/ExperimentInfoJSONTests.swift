import Foundation
import Testing
import TormemCore
@testable import TormemData

@Suite struct ExperimentInfoJSONTests {
    @Test(arguments: ["{}", "[]", " {\"a\": [1, -2.5e+3, true, false, null, \"x\\u00e9\\n\"]} \n", "\u{FEFF}{\"é\": \"ü\"}", "0", "\"s\""])
    func validJSONHasNoProblem(text: String) {
        #expect(JSONParser.problem(Array(text.utf8)) == nil)
    }

    /// experiment.json errors name the line and column (1-based, in characters) and what was expected.
    @Test(arguments: [
        ("{\n  \"name\": \"x\",\n  \"groups\": [1,, 2]\n}\n", 3, 16, "a value"),
        ("{\"a\": 1", 1, 8, "',' or '}'"),
        ("{\n\"a\": tru}", 2, 6, "'true'"),
        ("{\"é\": \"x\",}", 1, 11, "a key in double quotes"),
        ("{\"a\": \"x\ny\"}", 1, 9, "no control character"),
        ("{\"a\": 01}", 1, 8, "',' or '}'"),
        ("{\"a\": \"\\q\"}", 1, 9, "an escape"),
        ("{} {}", 1, 4, "the end of the file"),
        ("{'a': 1}", 1, 2, "a key in double quotes"),
        ("", 1, 1, "a value"),
    ])
    func problemsNameLineAndColumn(text: String, line: Int, column: Int, expected: String) throws {
        let p = try #require(JSONParser.problem(Array(text.utf8)))
        #expect(p.line == line && p.column == column, "\(p)")
        #expect(p.expected.hasPrefix(expected), "\(p)")
        do {
            _ = try ExperimentInfo.parse(Array(text.utf8), file: "experiment.json")
            Issue.record("expected an input error")
        } catch {
            #expect(error.exitCode == 3)
            #expect(error.description.hasPrefix("experiment.json:\(line): column \(column): expected \(expected)"), "\(error)")
        }
    }

    @Test func textThatIsNotUTF8AndDeepNestingAreNamed() throws {
        let latin1 = Array("{\"name\": \"Caf".utf8) + [0xE9, 0x22, 0x7D]
        let p = JSONParser.problem(latin1)
        #expect(p?.line == 1 && p?.column == 14 && p?.expected == "UTF-8 text")
        let deep = Array(String(repeating: "[", count: 10_000).utf8)
        #expect(JSONParser.problem(deep)?.expected.hasPrefix("at most 512 nested") == true)
    }
}
