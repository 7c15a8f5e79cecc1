import Testing
import TormemCore

@Suite struct JSONParserTests {
    @Test func valuesOfWhatExperimentFilesHold() throws {
        let v = try JSONParser.parse(Array(#"{"name": "A \"test\"", "n": -1.5e2, "ok": true, "none": null, "list": [1, "x", {}], "u": "caf\u00e9 ü"}"#.utf8))
        let o = try #require(v.object)
        #expect(o["name"]?.string == "A \"test\"")
        #expect(o["n"] == .number(-150))
        #expect(o["ok"] == .bool(true) && o["none"] == .null)
        #expect(o["list"] == .array([.number(1), .string("x"), .object([:])]))
        #expect(o["u"]?.string == "café ü")
    }

    @Test func deepNestingIsAProblemNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(JSONParser.problem(Array(deep.utf8))?.expected.hasPrefix("at most 512 nested") == true)
    }
}
