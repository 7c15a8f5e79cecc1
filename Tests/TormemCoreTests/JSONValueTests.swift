import Foundation
import Testing
import TormemCore

@Suite struct JSONValueTests {
    @Test func writesKeysInOrderAndNumbersExactly() {
        let doc = JSONValue.object([("b", .int(2)), ("a", .array([.number(0.5), .number(3), .number(.nan), .null])),
                                    ("s", .string("q\"\\\n\u{1}é")), ("e", .array([])), ("o", .object([])), ("t", .bool(true))])
        #expect(doc.text == """
        {
          "b": 2,
          "a": [
            0.5,
            3,
            null,
            null
          ],
          "s": "q\\"\\\\\\n\\u0001é",
          "e": [],
          "o": {},
          "t": true
        }

        """)
    }

    @Test func parsesBackWithFoundation() throws {
        let doc = JSONValue.object([("x", .number(1.0 / 3)), ("name", .string("relay \"1\""))])
        let parsed = try JSONSerialization.jsonObject(with: Data(doc.text.utf8)) as? [String: Any]
        #expect(parsed?["x"] as? Double == 1.0 / 3)
        #expect(parsed?["name"] as? String == "relay \"1\"")
    }
}
