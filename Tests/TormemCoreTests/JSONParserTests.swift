import Testing
import TormemCore

@Suite struct JSONParserTests {
    @Test func parsesWhatExperimentFilesHold() throws {
        let v = try JSONParser.parse(Array(#"{"name": "A \"test\"", "n": -1.5e2, "ok": true, "none": null, "list": [1, "x", {}], "u": "caf\u00e9 \ud83d\ude00"}"#.utf8))
        let o = try #require(v.object)
        #expect(o["name"]?.string == "A \"test\"")
        #expect(o["n"] == .number(-150))
        #expect(o["ok"] == .bool(true) && o["none"] == .null)
        #expect(o["list"] == .array([.number(1), .string("x"), .object([:])]))
        #expect(o["u"]?.string == "café 😀")
    }

    @Test(arguments: [
        ("{\"a\": 1,\n  \"b\" 2}", 2, 7, "expected : after the key \"b\""),
        ("{\"a\": [1, 2}", 1, 12, "expected , or ] after a value in an array"),
        ("", 1, 1, "expected a value, found the end of the document"),
        ("{\"a\": tru}", 1, 7, "expected true"),
        ("{} x", 1, 4, "expected the end of the document after the top-level value"),
        ("\"abc", 1, 5, "expected a closing \" before the end of the document"),
    ])
    func errorsNameLineAndColumn(_ text: String, _ line: Int, _ column: Int, _ message: String) {
        do {
            _ = try JSONParser.parse(Array(text.utf8))
            Issue.record("expected an error for \(text)")
        } catch {
            #expect(error.line == line && error.column == column, "\(error)")
            #expect(error.message == message)
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(deep.utf8)) }
    }
}
