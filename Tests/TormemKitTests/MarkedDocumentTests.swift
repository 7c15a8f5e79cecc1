import Testing
import TormemData
@testable import TormemKit

@Suite struct MarkedDocumentTests {
    let text = """
        # My report

        Prose a person wrote.
        <!-- tormem:begin numbers -->
        | a | b |
        <!-- tormem:end numbers -->

        More prose, with <!-- a comment --> kept.
          <!-- tormem:begin other -->
        old
          <!-- tormem:end other -->
        Trailing words.

        """

    @Test func roundTripKeepsEveryByte() throws {
        let doc = try MarkedDocument(parsing: text, file: "R.md")
        #expect(doc.sectionNames == ["numbers", "other"])
        #expect(doc.replacing([:]) == text)
        #expect(doc.body(of: "numbers") == "| a | b |")
    }

    @Test func replacingChangesOnlyBetweenMarkers() throws {
        let doc = try MarkedDocument(parsing: text, file: "R.md")
        let out = doc.replacing(["numbers": "| x | y |\n| --- | --- |\n", "other": "", "absent": "ignored"])
        #expect(out.contains("| x | y |\n| --- | --- |\n<!-- tormem:end numbers -->"))
        #expect(!out.contains("old"))
        #expect(!out.contains("ignored"))
        for prose in ["# My report", "Prose a person wrote.", "More prose, with <!-- a comment --> kept.", "Trailing words.\n"] {
            #expect(out.contains(prose))
        }
        // Idempotent.
        let again = try MarkedDocument(parsing: out, file: "R.md").replacing(["numbers": "| x | y |\n| --- | --- |\n", "other": ""])
        #expect(again == out)
    }

    @Test func unbalancedMarkersNameTheLine() {
        for (bad, line) in [("a\n<!-- tormem:begin x -->\nb\n", 2), ("<!-- tormem:end x -->\n", 1),
                            ("<!-- tormem:begin x -->\n<!-- tormem:begin y -->\n", 2),
                            ("<!-- tormem:begin x -->\n<!-- tormem:end y -->\n", 2)] {
            do {
                _ = try MarkedDocument(parsing: bad, file: "R.md")
                Issue.record("expected an error for \(bad)")
            } catch {
                #expect(error.description.hasPrefix("R.md:\(line):"), "\(error)")
                #expect(error.exitCode == 3)
            }
        }
    }
}
