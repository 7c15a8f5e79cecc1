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

    /// Marker lines shown in code blocks are text: in ``` and ~~~ fences (also inside a section), and
    /// indented by 4 spaces or a tab.
    @Test(arguments: [
        "```\n<!-- tormem:begin x -->\n```\n",
        "~~~~ md\n<!-- tormem:end x -->\n~~~\n```\n~~~~\n",
        "    <!-- tormem:begin x -->\n",
        "\t<!-- tormem:end x -->\n",
        "  ```\n<!-- tormem:begin x -->\n   ```   \n",
    ])
    func markersInCodeBlocksAreText(code: String) throws {
        let text = "# R\n\n" + code + "\n<!-- tormem:begin real -->\nold\n<!-- tormem:end real -->\n"
        let doc = try MarkedDocument(parsing: text, file: "R.md")
        #expect(doc.sectionNames == ["real"])
        #expect(doc.replacing(["real": "new"]) == "# R\n\n" + code + "\n" + MarkedDocument.begin("real", body: "new") + "\nnew\n<!-- tormem:end real -->\n")
        let inside = "<!-- tormem:begin s -->\n```\n<!-- tormem:end s -->\n```\n<!-- tormem:end s -->\n"
        #expect(try MarkedDocument(parsing: inside, file: "R.md").body(of: "s") == "```\n<!-- tormem:end s -->\n```")
    }

    @Test func bytesThatAreNotUTF8AndCRLFSurviveAReplacement() throws {
        let text: [UInt8] = Array("Caf".utf8) + [0xE9, 13, 10] + Array("<!-- tormem:begin n -->\r\nold\r\n<!-- tormem:end n -->\r\n".utf8) + [0xFF, 0xFE]
        let doc = try MarkedDocument(parsing: text, file: "R.md")
        #expect(doc.body(of: "n") == "old")
        #expect(doc.bytes(replacing: [:]) == text)
        let out = doc.bytes(replacing: ["n": "a\nb\n"])
        #expect(out == Array("Caf".utf8) + [0xE9, 13, 10] + Array((MarkedDocument.begin("n", body: "a\nb") + "\r\na\r\nb\r\n<!-- tormem:end n -->\r\n").utf8) + [0xFF, 0xFE])
        let inserted = MarkedDocument.inserting(missing: ["m"], into: out, template: "<!-- tormem:begin n -->\n<!-- tormem:end n -->\n\n## M\n<!-- tormem:begin m -->\nx\n<!-- tormem:end m -->\n")
        #expect(!inserted.enumerated().contains { $0.element == 10 && ($0.offset == 0 || inserted[$0.offset - 1] != 13) })
        #expect(try MarkedDocument(parsing: inserted, file: "R.md").sectionNames == ["n", "m"])
    }

    /// The begin marker records the digest of the body tormem wrote; a changed body is an edit.
    @Test func recordsTellAnEditedBodyFromAGeneratedOne() throws {
        let fresh = "# R\n\n" + MarkedDocument.section("n", "generated\nlines\n") + "\n"
        let doc = try MarkedDocument(parsing: fresh, file: "R.md")
        #expect(doc.writtenFormat == 2)
        #expect(doc.record(of: "n") == MarkedDocument.Record(format: 2, digest: MarkedDocument.digest("generated\nlines")))
        #expect(!doc.isEdited("n"))
        let edited = try MarkedDocument(parsing: fresh.replacingOccurrences(of: "lines", with: "my words"), file: "R.md")
        #expect(edited.isEdited("n"))
        // Replacing writes the new body's record.
        let replaced = try MarkedDocument(parsing: edited.replacing(["n": "new"]), file: "R.md")
        #expect(!replaced.isEdited("n"))
        #expect(replaced.body(of: "n") == "new")
        // CR LF bodies have the same digest as LF ones.
        let crlf = try MarkedDocument(parsing: Array(fresh.replacingOccurrences(of: "\n", with: "\r\n").utf8), file: "R.md")
        #expect(!crlf.isEdited("n"))
    }

    /// Format 1 (no records): nothing counts as edited; in a format 2 file a marker without a record
    /// is a person's.
    @Test func markersWithoutRecords() throws {
        let old = try MarkedDocument(parsing: "<!-- tormem:begin a -->\nx\n<!-- tormem:end a -->\n", file: "R.md")
        #expect(old.writtenFormat == 1)
        #expect(!old.isEdited("a"))
        let mixed = try MarkedDocument(parsing: MarkedDocument.section("b", "y") + "\n<!-- tormem:begin a -->\nx\n<!-- tormem:end a -->\n", file: "R.md")
        #expect(mixed.writtenFormat == 2)
        #expect(mixed.isEdited("a"))
        #expect(!mixed.isEdited("b"))
    }

    @Test(arguments: ["<!-- tormem:begin a v2 xyz -->", "<!-- tormem:begin a v1 0123456789ab -->", "<!-- tormem:begin a v2 0123456789ab extra -->",
                      "<!-- tormem:begin a b -->"])
    func malformedRecordsAreNoMarkers(line: String) throws {
        let doc = try MarkedDocument(parsing: line + "\ntext\n", file: "R.md")
        #expect(doc.sectionNames.isEmpty)
    }

    @Test func keepLinesOutsideCodeBlocks() throws {
        let doc = try MarkedDocument(parsing: "<!-- tormem:keep draft-findings -->\n```\n<!-- tormem:keep charts -->\n```\n", file: "R.md")
        #expect(doc.keptNames == ["draft-findings"])
    }
}
