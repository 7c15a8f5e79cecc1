import Testing
import TormemCore
@testable import TormemKit

/// Regenerating a README.md / REPORT.md never loses what a person wrote.
@Suite struct MarkedUpdateTests {
    /// A document of two generated sections and a placeholder section of format 1.
    func document(_ numbers: String, hypothesis: String = "") -> ReportEmitter.Document {
        let sections = ["numbers": numbers, "findings": "> **Draft** " + numbers, "hypothesis": hypothesis]
        let template = ["# Report", "", "**Hypothesis.**", "", "_Say it._", "",
                        MarkedDocument.section("hypothesis", hypothesis), "",
                        "## Numbers", "", MarkedDocument.section("numbers", numbers), "",
                        "## Findings", "", MarkedDocument.section("findings", sections["findings"]!), ""].joined(separator: "\n")
        return ReportEmitter.Document(template: template, sections: sections, legacy: [
            "hypothesis": .init(placeholder: "_Say it (old)._", outside: "_Say it._"),
            "findings": .init(signature: "> **Draft**"),
        ])
    }

    func update(_ text: String, _ doc: ReportEmitter.Document, reset: Set<String> = []) throws -> (text: String, update: MarkedUpdate) {
        let u = try MarkedUpdate(existing: Array(text.utf8), document: doc, reset: reset, file: "R.md")
        return (String(decoding: u.bytes, as: UTF8.self), u)
    }

    @Test func generatedSectionsFollowTheNumbers() throws {
        let (text, u) = try update(document("1 GB").template, document("2 GB"))
        #expect(u.changed == ["findings", "numbers"] || Set(u.changed) == ["findings", "numbers"])
        #expect(u.edited.isEmpty)
        #expect(text == document("2 GB").template)
        // Nothing to do the second time.
        let again = try update(text, document("2 GB"))
        #expect(again.update.changed.isEmpty)
        #expect(again.text == text)
    }

    @Test func anEditedSectionIsKeptUntilReset() throws {
        let mine = document("1 GB").template.replacingOccurrences(of: "> **Draft** 1 GB", with: "My own findings, rewritten.")
        let (text, u) = try update(mine, document("2 GB"))
        #expect(u.edited == ["findings"])
        #expect(u.changed == ["numbers"])
        #expect(text.contains("My own findings, rewritten."))
        #expect(text.contains("\n2 GB\n"))
        #expect(MarkedUpdate.editedNote("findings").contains("`--reset findings`"))
        // Kept run after run, whatever the numbers do.
        let third = try update(try update(text, document("3 GB")).text, document("4 GB"))
        #expect(third.text.contains("My own findings, rewritten."))
        #expect(third.update.edited == ["findings"])
        let reset = try update(third.text, document("4 GB"), reset: ["findings"])
        #expect(!reset.text.contains("My own findings"))
        #expect(reset.text == document("4 GB").template)
    }

    @Test func aSectionWhoseMarkersWereRemovedIsNotInsertedAgain() throws {
        let full = document("1 GB").template
        let unmarked = full.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("tormem:begin findings") && !$0.contains("tormem:end findings") }.joined(separator: "\n")
        let (text, u) = try update(unmarked, document("2 GB"))
        #expect(!text.contains("tormem:begin findings"))
        #expect(text.contains("> **Draft** 1 GB"))  // the person's copy, as it was
        #expect(u.changed == ["numbers"])
        // --reset puts it back where the template has it.
        let back = try update(text, document("2 GB"), reset: ["findings"])
        #expect(back.text.contains(MarkedDocument.section("findings", "> **Draft** 2 GB")))
    }

    /// Files of format 1 get the sections they lack, except those a keep line names.
    @Test func formatOneFilesGetMissingSectionsUnlessKept() throws {
        let old = "# Report\n\n## Numbers\n\n<!-- tormem:begin numbers -->\n1 GB\n<!-- tormem:end numbers -->\n"
        let (text, u) = try update(old, document("2 GB"))
        #expect(text.contains(MarkedDocument.section("findings", "> **Draft** 2 GB")))
        #expect(u.changed.contains("findings") && u.changed.contains("numbers"))
        let kept = try update(old + "<!-- tormem:keep findings -->\n", document("2 GB"))
        #expect(!kept.text.contains("tormem:begin findings"))
    }

    /// Format 1 put the hypothesis placeholder inside the markers: what a person typed there is
    /// moved out (and kept), the placeholder is moved out too.
    @Test(arguments: [("_Say it (old)._", "_Say it._"), ("We think jemalloc halves RSS.", "We think jemalloc halves RSS.")])
    func formatOnePlaceholderSectionsAreMigrated(body: String, outside: String) throws {
        let old = "# Report\n\n**Hypothesis.**\n\n<!-- tormem:begin hypothesis -->\n\(body)\n<!-- tormem:end hypothesis -->\n\n"
            + "## Numbers\n\n<!-- tormem:begin numbers -->\n1 GB\n<!-- tormem:end numbers -->\n\n"
            + "## Findings\n\n<!-- tormem:begin findings -->\n> **Draft** 1 GB\n<!-- tormem:end findings -->\n"
        let (text, u) = try update(old, document("2 GB", hypothesis: "From experiment.json."))
        #expect(u.migrated == ["hypothesis"])
        #expect(text.contains("**Hypothesis.**\n\n\(outside)\n\n" + MarkedDocument.section("hypothesis", "From experiment.json.")))
        #expect(!text.contains("Say it (old)"))
        // Now format 2: the next run changes nothing, and the words stay outside.
        let again = try update(text, document("2 GB", hypothesis: "From experiment.json."))
        #expect(again.text == text)
        #expect(again.update.migrated.isEmpty)
    }

    /// Format 1 draft findings a person rewrote (they no longer start as tormem wrote them) are kept.
    @Test func formatOneRewrittenFindingsAreKept() throws {
        let old = "<!-- tormem:begin numbers -->\n1 GB\n<!-- tormem:end numbers -->\n"
            + "<!-- tormem:begin findings -->\nOur findings: jemalloc wins.\n<!-- tormem:end findings -->\n"
        let (text, u) = try update(old, document("2 GB"))
        #expect(u.edited == ["findings"])
        #expect(text.contains("Our findings: jemalloc wins."))
        let again = try update(text, document("3 GB"))
        #expect(again.update.edited == ["findings"])
        #expect(again.text.contains("Our findings: jemalloc wins."))
    }
}
