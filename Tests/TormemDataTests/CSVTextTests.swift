import Testing
import TormemData

@Suite struct CSVTextTests {
    @Test(arguments: [("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
                      ("two\nlines", "\"two\nlines\""), ("", "")])
    func quotesOnlyWhenNeeded(_ input: String, _ expected: String) {
        #expect(CSVText.field(input) == expected)
    }

    @Test func lineEndsWithNewline() {
        #expect(CSVText.line(["a", "b,c", ""]) == "a,\"b,c\",\n")
    }
}
