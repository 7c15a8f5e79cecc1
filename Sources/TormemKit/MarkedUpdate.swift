import TormemCore

/// How a README.md or REPORT.md that exists is brought up to date with a freshly generated
/// `ReportEmitter.Document`, without losing a word a person wrote:
///
/// - a generated section whose body is still what tormem wrote (its begin marker's record) is
///   rewritten when the numbers changed;
/// - a section a person edited (the body no longer matches the record) is kept and reported in
///   `edited`, unless `reset` names it;
/// - a section whose markers a person removed is not inserted again: tormem inserts only sections
///   that the tool which wrote the file did not know (files of format 1, written before records),
///   and never one named by a `<!-- tormem:keep NAME -->` line; `reset` inserts it anyway;
/// - format 1 files are migrated: what a person typed into a placeholder section (the hypothesis)
///   is moved out of its markers, a placeholder left there moves out too, and a section that no
///   longer starts as tormem wrote it (rewritten draft findings) is kept as edited.
struct MarkedUpdate {
    /// The document after the update.
    var bytes: [UInt8]
    /// Sections rewritten or inserted.
    var changed: [String]
    /// Sections kept because a person edited them.
    var edited: [String]
    /// Format-1 placeholder sections whose text was moved out of the markers.
    var migrated: [String]

    init(existing: [UInt8], document: ReportEmitter.Document, reset: Set<String> = [], file: String) throws(TormemError) {
        let before = try MarkedDocument(parsing: existing, file: file)
        var doc = before
        let format = doc.writtenFormat
        let kept = doc.keptNames
        var edited: [String] = [], migrated: [String] = []
        var text = existing
        if format < MarkedDocument.format {
            for (name, legacy) in document.legacy.sorted(by: { $0.key < $1.key }) {
                guard let body = doc.body(of: name), let new = document.sections[name] else { continue }
                if let placeholder = legacy.placeholder, body != MarkedDocument.trimmed(new), !body.isEmpty {
                    // The placeholder, or the person's words in its place, go before the markers.
                    doc.moveBodyOutside(name, replacingWith: body == placeholder ? legacy.outside : nil)
                    migrated.append(name)
                } else if let signature = legacy.signature, !body.hasPrefix(signature), !reset.contains(name) {
                    edited.append(name)
                }
            }
            text = doc.bytes(replacing: [:])
        }
        // Sections the writing tool did not know are put where the template has them.
        let present = Set(doc.sectionNames)
        let insert = document.sections.keys.filter { n in
            !present.contains(n) && (reset.contains(n) || (format < MarkedDocument.format && !kept.contains(n)))
        }.sorted()
        if !insert.isEmpty {
            text = MarkedDocument.inserting(missing: insert, into: text, template: document.template)
            doc = try MarkedDocument(parsing: text, file: file)
        }
        var bodies: [String: String] = [:]
        for n in doc.sectionNames {
            guard let new = document.sections[n], !edited.contains(n) else { continue }
            if !reset.contains(n), kept.contains(n) || (format >= MarkedDocument.format && doc.isEdited(n)) {
                edited.append(n)
                continue
            }
            bodies[n] = new
        }
        bytes = doc.bytes(replacing: bodies)
        // What changed: bodies or records rewritten, sections inserted.
        changed = doc.sectionNames.filter { n in
            guard bodies[n] != nil else { return false }
            let trimmed = MarkedDocument.trimmed(bodies[n]!)
            return before.body(of: n) != trimmed || before.record(of: n)?.digest != MarkedDocument.digest(trimmed)
        }
        self.edited = edited.sorted()
        self.migrated = migrated
    }

    /// The line `report` and `regenerate` print for an edited section.
    static func editedNote(_ name: String) -> String {
        "section \(name) was edited: kept; delete the markers to keep it yours, or `--reset \(name)` to regenerate it"
    }
}
