import TormemCore
import TormemData

/// A Markdown document whose generated parts sit between `<!-- tormem:begin NAME -->` and
/// `<!-- tormem:end NAME -->` lines. Regenerating replaces only what is between markers; every other
/// line (what a person wrote) is kept byte for byte.
public struct MarkedDocument: Equatable, Sendable {
    public static func begin(_ name: String) -> String { "<!-- tormem:begin \(name) -->" }
    public static func end(_ name: String) -> String { "<!-- tormem:end \(name) -->" }

    /// A generated section as it appears in a fresh document.
    public static func section(_ name: String, _ body: String) -> String {
        begin(name) + "\n" + body + (body.isEmpty || body.hasSuffix("\n") ? "" : "\n") + end(name)
    }

    enum Part: Equatable, Sendable {
        case text([Substring])
        case section(name: String, begin: Substring, body: [Substring], end: Substring)
    }

    var parts: [Part]

    /// Splits `text` at the marker lines; unbalanced or nested markers are an input error naming
    /// `file` and the line.
    public init(parsing text: String, file: String) throws(TormemError) {
        var parts: [Part] = []
        var plain: [Substring] = []
        var open: (name: String, line: Int, begin: Substring, body: [Substring])?
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters
            if let name = MarkedDocument.marker(trimmed, "begin") {
                if let o = open {
                    throw .input(Diagnostic(file: file, line: i + 1, message:
                        "marker \(MarkedDocument.begin(name)) inside section \"\(o.name)\" opened on line \(o.line); expected \(MarkedDocument.end(o.name)) first"))
                }
                parts.append(.text(plain))
                plain = []
                open = (name, i + 1, line, [])
            } else if let name = MarkedDocument.marker(trimmed, "end") {
                guard let o = open, o.name == name else {
                    throw .input(Diagnostic(file: file, line: i + 1, message:
                        "marker \(MarkedDocument.end(name)) has no matching \(MarkedDocument.begin(name)) before it"))
                }
                parts.append(.section(name: name, begin: o.begin, body: o.body, end: line))
                open = nil
            } else if open != nil {
                open!.body.append(line)
            } else {
                plain.append(line)
            }
        }
        if let o = open {
            throw .input(Diagnostic(file: file, line: o.line, message:
                "marker \(MarkedDocument.begin(o.name)) is never closed; expected \(MarkedDocument.end(o.name))"))
        }
        parts.append(.text(plain))
        self.parts = parts
    }

    /// Names of the generated sections, in order.
    public var sectionNames: [String] {
        parts.compactMap { if case .section(let n, _, _, _) = $0 { n } else { nil } }
    }

    /// The text between a section's markers (no trailing newline).
    public func body(of name: String) -> String? {
        for p in parts { if case .section(let n, _, let b, _) = p, n == name { return b.joined(separator: "\n") } }
        return nil
    }

    /// The document with each named section's body replaced (sections not in `bodies` keep theirs);
    /// everything outside the markers is unchanged, byte for byte.
    public func replacing(_ bodies: [String: String]) -> String {
        var lines: [Substring] = []
        for p in parts {
            switch p {
            case .text(let t): lines += t
            case .section(let n, let begin, let body, let end):
                lines.append(begin)
                if let new = bodies[n] {
                    let trimmed = new.hasSuffix("\n") ? String(new.dropLast()) : new
                    if !trimmed.isEmpty { lines += trimmed.split(separator: "\n", omittingEmptySubsequences: false) }
                } else {
                    lines += body
                }
                lines.append(end)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `text` with the generated sections it lacks (a tool that made the file was older) put where
    /// the template has them: after the nearest earlier template line the text also has, with the
    /// template's headings and blank lines in between; at the end when no such line is found. Prose
    /// of the template (placeholders) is never copied in.
    public static func inserting(missing names: [String], into text: String, template: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let tmpl = template.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for name in names {
            guard let b = tmpl.firstIndex(of: begin(name)), let e = tmpl[b...].firstIndex(of: end(name)) else { continue }
            var anchor = b - 1
            while anchor >= 0, tmpl[anchor].isEmpty || !lines.contains(tmpl[anchor]) { anchor -= 1 }
            let between = anchor < 0 ? [] : tmpl[(anchor + 1)..<b].filter { $0.isEmpty || $0.hasPrefix("#") }
            let block = Array(between) + Array(tmpl[b...e])
            if anchor >= 0, let at = lines.firstIndex(of: tmpl[anchor]) {
                // After the anchor's own section end, when the anchor is a begin marker.
                var after = at
                if let other = marker(tmpl[anchor], "begin"), let close = lines[at...].firstIndex(of: end(other)) { after = close }
                lines.insert(contentsOf: (between.first?.isEmpty == false ? [""] : []) + block, at: after + 1)
            } else {
                if lines.last?.isEmpty == true { lines.removeLast() }
                lines += [""] + block + [""]
            }
        }
        return lines.joined(separator: "\n")
    }

    static func marker(_ line: String, _ kind: String) -> String? {
        let prefix = "<!-- tormem:\(kind) ", suffix = " -->"
        guard line.hasPrefix(prefix), line.hasSuffix(suffix), line.count > prefix.count + suffix.count else { return nil }
        let name = String(line.dropFirst(prefix.count).dropLast(suffix.count))
        return name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) ? name : nil
    }
}

private extension Substring {
    var trimmingCharacters: String {
        var s = self
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
