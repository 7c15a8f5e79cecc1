import Testing
import TormemCore
import TormemTestSupport
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

    /// The README and REPORT of shapes-allocators, as a new folder gets them.
    static func documents() throws -> (readme: ReportEmitter.Document, report: ReportEmitter.Document) {
        let data = Fixtures.url("shapes-allocators/memory.csv")
        let request = ChartsRequest(dataPaths: [data], outputDirectory: "x")
        let inputs = try ChartsJob.inputs(request)
        let plan = request.plan(inputs)
        let e = ReportEmitter(folderName: "2026-03-02-relayhost-fsn1-allocators", commandPath: "reports/2026-03-02-relayhost-fsn1-allocators",
                              inputs: inputs, charts: plan.charts.map { ("charts/\($0.name).png", $0.description) }, skipped: plan.skipped)
        return (e.readme, e.report)
    }

    /// A template's text without the named section's marker lines and body.
    static func removing(_ name: String, from text: String) -> String {
        var out: [Substring] = [], inside = false
        for l in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if l.hasPrefix("<!-- tormem:begin \(name) ") { inside = true; continue }
            if l == "<!-- tormem:end \(name) -->" { inside = false; continue }
            if !inside { out.append(l) }
        }
        return out.joined(separator: "\n")
    }

    /// A template as format 1 wrote it: begin markers without records.
    static func formatOne(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { l in
            guard l.hasPrefix("<!-- tormem:begin "), let name = l.split(separator: " ").dropFirst(2).first else { return String(l) }
            return "<!-- tormem:begin \(name) -->"
        }.joined(separator: "\n")
    }

    /// A format-1 README without its title gets it at the top, above the sections and the person's
    /// prose at the end; the same with `--reset title` on a format-2 file whose title markers were removed.
    @Test func aMissingTitleGoesAtTheTopNeverAfterTheProse() throws {
        let (readme, report) = try Self.documents()
        let prose = "\nMy closing notes: the host was rebooted twice.\n"
        let title = MarkedDocument.section("title", readme.sections["title"]!)
        for start in [Self.formatOne(Self.removing("title", from: readme.template)).drop { $0 == "\n" } + prose,
                      Self.removing("title", from: readme.template).drop { $0 == "\n" } + prose] {
            let format2 = !start.contains("<!-- tormem:begin summary -->")
            let (text, u) = try update(String(start), readme, reset: format2 ? ["title"] : [])
            #expect(text.hasPrefix(title + "\n\n<!-- tormem:begin summary "))
            #expect(text.hasSuffix(prose))
            #expect(u.changed.contains("title"))
            let again = try update(text, readme)
            #expect(again.text == text)
        }
        // Without --reset a format-2 file does not get it back.
        let (kept, _) = try update(Self.removing("title", from: readme.template), readme)
        #expect(!kept.contains("tormem:begin title"))
        // REPORT.md: the title above Executive summary.
        let (r, _) = try update(Self.removing("title", from: report.template) + prose, report, reset: ["title"])
        #expect(r.hasPrefix(MarkedDocument.section("title", report.sections["title"]!) + "\n\n## Executive summary\n"))
    }

    /// Other missing sections go right under their heading, else after the section before them in
    /// the template, never after a person's prose.
    @Test func aMissingSectionGoesUnderItsHeadingOrAfterTheSectionBeforeIt() throws {
        let (readme, _) = try Self.documents()
        let prose = "My closing notes.\n"
        let charts = MarkedDocument.section("charts", readme.sections["charts"]!)
        // Under its heading.
        let (under, _) = try update(Self.removing("charts", from: readme.template) + prose, readme, reset: ["charts"])
        #expect(under.contains("## Charts\n\n" + charts + "\n"))
        #expect(under.hasSuffix(prose))
        // Heading gone too: after the summary, with the heading, before the Notes.
        let noHeading = Self.removing("charts", from: readme.template).replacingOccurrences(of: "## Charts\n\n", with: "")
        let (after, _) = try update(noHeading + prose, readme, reset: ["charts"])
        let summaryEnd = try #require(after.range(of: "<!-- tormem:end summary -->\n"))
        #expect(after[summaryEnd.upperBound...].hasPrefix("\n## Charts\n\n" + charts + "\n\n## Notes"))
        #expect(after.hasSuffix(prose))
    }
}
