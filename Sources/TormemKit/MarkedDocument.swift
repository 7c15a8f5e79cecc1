import TormemCore
import TormemData

/// A Markdown document whose generated parts sit between `<!-- tormem:begin NAME v2 DIGEST -->` and
/// `<!-- tormem:end NAME -->` lines. Regenerating replaces only what is between markers; every other
/// line (what a person wrote) is kept byte for byte: the document is read as bytes, so text in any
/// encoding (Latin-1 too) and CR LF line ends survive.
///
/// The begin marker records the digest of the body tormem wrote (`Record`), so a body a person
/// changed afterwards is told from one tormem wrote (`isEdited`). Markers without a record were
/// written by a tormem before 2026-12 (format 1). A `<!-- tormem:keep NAME -->` line says the
/// section is the person's: never rewritten, never inserted.
///
/// A marker is a line of its own, indented by at most 3 spaces, outside fenced code blocks (```` ``` ````
/// or `~~~`): a marker shown in a code block (fenced, or indented by 4 spaces or a tab) is text.
public struct MarkedDocument: Equatable, Sendable {
    /// The format of documents this tormem writes: 2 records a digest in every begin marker.
    public static let format = 2

    /// A begin marker without a record (how format 1 wrote them, and how a person may type one).
    public static func begin(_ name: String) -> String { "<!-- tormem:begin \(name) -->" }
    /// The begin marker of a section whose body is `body`, as this tormem writes it.
    public static func begin(_ name: String, body: String) -> String {
        "<!-- tormem:begin \(name) v\(format) \(digest(body)) -->"
    }
    public static func end(_ name: String) -> String { "<!-- tormem:end \(name) -->" }
    public static func keep(_ name: String) -> String { "<!-- tormem:keep \(name) -->" }

    /// A generated section as it appears in a fresh document.
    public static func section(_ name: String, _ body: String) -> String {
        begin(name, body: trimmed(body)) + "\n" + body + (body.isEmpty || body.hasSuffix("\n") ? "" : "\n") + end(name)
    }

    /// The first 12 hex digits of the SHA-256 of a body (lines joined by `\n`, no final newline).
    public static func digest(_ body: String) -> String {
        var h = SHA256()
        h.update(body)
        return String(h.hexDigest().prefix(12))
    }

    static func trimmed(_ body: String) -> String { body.hasSuffix("\n") ? String(body.dropLast()) : body }

    /// What a begin marker says of the body tormem wrote there.
    public struct Record: Equatable, Sendable {
        public var format: Int
        public var digest: String
    }

    /// One line without its `\n` (a CR LF line keeps its `\r`).
    typealias Line = ArraySlice<UInt8>

    enum Part: Equatable, Sendable {
        case text([Line])
        case section(name: String, record: Record?, begin: Line, body: [Line], end: Line)
    }

    /// Text and sections, alternating, text first and last.
    var parts: [Part]

    /// Splits `text` at the marker lines; unbalanced or nested markers are an input error naming
    /// `file` and the line.
    public init(parsing text: String, file: String) throws(TormemError) {
        try self.init(parsing: Array(text.utf8), file: file)
    }

    public init(parsing bytes: [UInt8], file: String) throws(TormemError) {
        var parts: [Part] = []
        var plain: [Line] = []
        var open: (name: String, record: Record?, line: Int, begin: Line, body: [Line])?
        var fence = CodeFence()
        for (i, line) in MarkedDocument.lines(bytes).enumerated() {
            let kind = fence.isCode(line) ? nil : MarkedDocument.marker(line)
            if case .begin(let name, let record)? = kind {
                if let o = open {
                    throw .input(Diagnostic(file: file, line: i + 1, message:
                        "marker \(MarkedDocument.begin(name)) inside section \"\(o.name)\" opened on line \(o.line); expected \(MarkedDocument.end(o.name)) first"))
                }
                parts.append(.text(plain))
                plain = []
                open = (name, record, i + 1, line, [])
            } else if case .end(let name)? = kind {
                guard let o = open, o.name == name else {
                    throw .input(Diagnostic(file: file, line: i + 1, message:
                        "marker \(MarkedDocument.end(name)) has no matching \(MarkedDocument.begin(name)) before it"))
                }
                parts.append(.section(name: name, record: o.record, begin: o.begin, body: o.body, end: line))
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
        parts.compactMap { if case .section(let n, _, _, _, _) = $0 { n } else { nil } }
    }

    /// The format the document was written in: 2 when any begin marker has a record, else 1.
    public var writtenFormat: Int {
        parts.compactMap { if case .section(_, let r?, _, _, _) = $0 { r.format } else { nil } }.max() ?? 1
    }

    /// The names of the `<!-- tormem:keep NAME -->` lines outside sections and code blocks.
    public var keptNames: Set<String> {
        var names = Set<String>()
        var fence = CodeFence()
        for p in parts {
            guard case .text(let lines) = p else { continue }
            for l in lines where !fence.isCode(l) {
                if case .keep(let n)? = MarkedDocument.marker(l) { names.insert(n) }
            }
        }
        return names
    }

    /// The text between a section's markers (no trailing newline, line ends as `\n`).
    public func body(of name: String) -> String? {
        for p in parts {
            if case .section(let n, _, _, let b, _) = p, n == name { return MarkedDocument.text(b) }
        }
        return nil
    }

    /// The record of a section's begin marker.
    public func record(of name: String) -> Record? {
        for p in parts {
            if case .section(let n, let r, _, _, _) = p, n == name { return r }
        }
        return nil
    }

    /// Whether the body differs from the one its begin marker records (a person changed it). A
    /// section without a record counts as edited in a format-2 document (a person typed its markers
    /// or removed the record), as generated in a format-1 one.
    public func isEdited(_ name: String) -> Bool {
        guard let body = body(of: name) else { return false }
        guard let r = record(of: name) else { return writtenFormat >= 2 }
        return MarkedDocument.digest(body) != r.digest
    }

    /// The document with each named section's body replaced, and its begin marker recording the
    /// new body (sections not in `bodies` keep theirs); everything outside the markers is unchanged,
    /// byte for byte. A section whose begin marker ends in CR LF gets CR LF line ends.
    public func bytes(replacing bodies: [String: String]) -> [UInt8] {
        var lines: [Line] = []
        for p in parts {
            switch p {
            case .text(let t): lines += t
            case .section(let n, _, let begin, let body, let end):
                if let new = bodies[n] {
                    let trimmed = MarkedDocument.trimmed(new)
                    let cr = begin.last == 13
                    let indent = begin.prefix { $0 == 0x20 }
                    lines.append(Line(Array(indent) + Array(MarkedDocument.begin(n, body: trimmed).utf8) + (cr ? [13] : [])))
                    if !trimmed.isEmpty {
                        lines += trimmed.split(separator: "\n", omittingEmptySubsequences: false)
                            .map { Line(Array($0.utf8) + (cr ? [13] : [])) }
                    }
                } else {
                    lines.append(begin)
                    lines += body
                }
                lines.append(end)
            }
        }
        return MarkedDocument.joined(lines)
    }

    /// `bytes(replacing:)` as text (UTF-8).
    public func replacing(_ bodies: [String: String]) -> String {
        String(decoding: bytes(replacing: bodies), as: UTF8.self)
    }

    /// Moves a section's body out of its markers, to just before them (with a blank line between),
    /// leaving the section empty: how text a person typed into a placeholder section of format 1
    /// becomes theirs.
    mutating func moveBodyOutside(_ name: String, replacingWith placeholder: String? = nil) {
        guard let i = parts.firstIndex(where: { if case .section(let n, _, _, _, _) = $0 { n == name } else { false } }),
              case .section(let n, _, let begin, let body, let end) = parts[i], case .text(var before) = parts[i - 1] else { return }
        let cr = begin.last == 13
        let moved = placeholder.map { [Line(Array($0.utf8) + (cr ? [13] : []))] } ?? body
        if !moved.isEmpty {
            before += moved + [Line(cr ? [13] : [])]
        }
        parts[i - 1] = .text(before)
        parts[i] = .section(name: n, record: nil, begin: begin, body: [], end: end)
    }

    /// `text` with the generated sections it lacks put where the template has them, in template
    /// order, never after a person's prose: right under the template's heading of the section when
    /// the text has that heading; else after the end of the nearest earlier template section the
    /// text has (with the template's headings just above the section); else after the nearest
    /// earlier template line the text has; else at the top of the file (the title, which comes
    /// first). Prose of the template (placeholders) is never copied in. Inserted lines get CR LF
    /// ends when the text's first line has one. Marker lines match by kind and name (their records
    /// may differ).
    public static func inserting(missing names: [String], into text: [UInt8], template: String) -> [UInt8] {
        var lines = MarkedDocument.lines(text)
        let cr = lines.first?.last == 13
        func line(_ s: String) -> Line { Line(Array(s.utf8) + (cr ? [13] : [])) }
        func key(_ l: Line) -> String {
            switch marker(l) {
            case .begin(let n, _)?: "\u{1}begin " + n
            case .end(let n)?: "\u{1}end " + n
            default: String(decoding: content(l), as: UTF8.self)
            }
        }
        func index(of s: String, from start: Int = 0) -> Int? {
            let wanted = key(Line(s.utf8))
            return lines.indices.dropFirst(start).first { key(lines[$0]) == wanted }
        }
        let tmpl = template.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func beginIndex(_ name: String) -> Int? {
            tmpl.firstIndex { if case .begin(name, _)? = marker(Line($0.utf8)) { true } else { false } }
        }
        let ordered = names.compactMap { n in beginIndex(n).map { (n, $0) } }.sorted { $0.1 < $1.1 }.map(\.0)
        for name in ordered {
            guard let b = beginIndex(name), let e = tmpl[b...].firstIndex(of: end(name)) else { continue }
            // The template's headings just above the section (blank lines between them kept).
            var top = b
            while top > 0, tmpl[top - 1].isEmpty || tmpl[top - 1].hasPrefix("#") { top -= 1 }
            var lead = Array(tmpl[top..<b])
            while lead.first?.isEmpty == true { lead.removeFirst() }
            let section = Array(tmpl[b...e])
            var at: Int?, block: [String] = lead + section
            if let heading = lead.last(where: { !$0.isEmpty }), let h = index(of: heading) {
                // Under the heading, after its blank line.
                let blank = h + 1 < lines.count && content(lines[h + 1]).isEmpty
                at = blank ? h + 2 : h + 1
                block = blank ? section : [""] + section
            } else if let earlier = tmpl[..<b].lastIndex(where: { l in
                if case .end(let n)? = marker(Line(l.utf8)) { index(of: end(n)) != nil } else { false }
            }), case .end(let n)? = marker(Line(tmpl[earlier].utf8)), let close = index(of: end(n)) {
                at = close + 1
                block = [""] + block
            } else if let anchor = tmpl[..<top].lastIndex(where: { !$0.isEmpty && marker(Line($0.utf8)) == nil && index(of: $0) != nil }),
                      let found = index(of: tmpl[anchor]) {
                at = found + 1
                block = [""] + block
            }
            if let at {
                if at < lines.count, !content(lines[at]).isEmpty { block.append("") }
                lines.insert(contentsOf: block.map(line), at: at)
            } else if lines.count == 1, content(lines[0]).isEmpty {
                lines = (block + [""]).map(line)
            } else {
                // At the top: the title, above everything a person wrote.
                lines.insert(contentsOf: (block + (content(lines[0]).isEmpty ? [] : [""])).map(line), at: 0)
            }
        }
        return joined(lines)
    }

    enum Marker: Equatable { case begin(String, Record?), end(String), keep(String) }

    /// The marker on `line`: at most 3 spaces before it, blanks after it.
    static func marker(_ line: Line) -> Marker? {
        var s = content(line)
        while let l = s.last, l == 0x20 || l == 0x09 { s.removeLast() }
        var indent = 0
        while s.first == 0x20 { s.removeFirst(); indent += 1 }
        guard indent <= 3, s.first == UInt8(ascii: "<") else { return nil }
        let text = String(decoding: s, as: UTF8.self)
        for kind in ["begin", "end", "keep"] {
            let prefix = "<!-- tormem:\(kind) ", suffix = " -->"
            guard text.hasPrefix(prefix), text.hasSuffix(suffix), text.count > prefix.count + suffix.count else { continue }
            let words = text.dropFirst(prefix.count).dropLast(suffix.count).split(separator: " ").map(String.init)
            guard let name = words.first, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { return nil }
            switch (kind, words.count) {
            case ("begin", 1): return .begin(name, nil)
            case ("begin", 3):
                guard words[1].hasPrefix("v"), let f = Int(words[1].dropFirst()), f >= 2,
                      words[2].count == 12, words[2].allSatisfy(\.isHexDigit) else { return nil }
                return .begin(name, Record(format: f, digest: words[2].lowercased()))
            case ("end", 1): return .end(name)
            case ("keep", 1): return .keep(name)
            default: return nil
            }
        }
        return nil
    }

    /// The lines of `bytes`, split at `\n` (a last line without `\n` included, empty or not).
    static func lines(_ bytes: [UInt8]) -> [Line] {
        bytes.split(separator: 10, omittingEmptySubsequences: false)
    }

    /// Lines as text, joined by `\n`, without their `\r`.
    static func text(_ lines: [Line]) -> String {
        lines.map { String(decoding: content($0), as: UTF8.self) }.joined(separator: "\n")
    }

    static func joined(_ lines: [Line]) -> [UInt8] {
        var out: [UInt8] = []
        for (i, l) in lines.enumerated() {
            if i > 0 { out.append(10) }
            out += l
        }
        return out
    }

    /// A line without a trailing `\r`.
    static func content(_ line: Line) -> Line { line.last == 13 ? line.dropLast() : line }
}
