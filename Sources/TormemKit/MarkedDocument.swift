import TormemCore
import TormemData

/// A Markdown document whose generated parts sit between `<!-- tormem:begin NAME -->` and
/// `<!-- tormem:end NAME -->` lines. Regenerating replaces only what is between markers; every other
/// line (what a person wrote) is kept byte for byte: the document is read as bytes, so text in any
/// encoding (Latin-1 too) and CR LF line ends survive.
///
/// A marker is a line of its own, indented by at most 3 spaces, outside fenced code blocks (```` ``` ````
/// or `~~~`): a marker shown in a code block (fenced, or indented by 4 spaces or a tab) is text.
public struct MarkedDocument: Equatable, Sendable {
    public static func begin(_ name: String) -> String { "<!-- tormem:begin \(name) -->" }
    public static func end(_ name: String) -> String { "<!-- tormem:end \(name) -->" }

    /// A generated section as it appears in a fresh document.
    public static func section(_ name: String, _ body: String) -> String {
        begin(name) + "\n" + body + (body.isEmpty || body.hasSuffix("\n") ? "" : "\n") + end(name)
    }

    /// One line without its `\n` (a CR LF line keeps its `\r`).
    typealias Line = ArraySlice<UInt8>

    enum Part: Equatable, Sendable {
        case text([Line])
        case section(name: String, begin: Line, body: [Line], end: Line)
    }

    var parts: [Part]

    /// Splits `text` at the marker lines; unbalanced or nested markers are an input error naming
    /// `file` and the line.
    public init(parsing text: String, file: String) throws(TormemError) {
        try self.init(parsing: Array(text.utf8), file: file)
    }

    public init(parsing bytes: [UInt8], file: String) throws(TormemError) {
        var parts: [Part] = []
        var plain: [Line] = []
        var open: (name: String, line: Int, begin: Line, body: [Line])?
        var fence = CodeFence()
        for (i, line) in MarkedDocument.lines(bytes).enumerated() {
            let kind = fence.isCode(line) ? nil : MarkedDocument.marker(line)
            if case .begin(let name)? = kind {
                if let o = open {
                    throw .input(Diagnostic(file: file, line: i + 1, message:
                        "marker \(MarkedDocument.begin(name)) inside section \"\(o.name)\" opened on line \(o.line); expected \(MarkedDocument.end(o.name)) first"))
                }
                parts.append(.text(plain))
                plain = []
                open = (name, i + 1, line, [])
            } else if case .end(let name)? = kind {
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

    /// The text between a section's markers (no trailing newline, line ends as `\n`).
    public func body(of name: String) -> String? {
        for p in parts {
            if case .section(let n, _, let b, _) = p, n == name {
                return b.map { String(decoding: MarkedDocument.content($0), as: UTF8.self) }.joined(separator: "\n")
            }
        }
        return nil
    }

    /// The document with each named section's body replaced (sections not in `bodies` keep theirs);
    /// everything outside the markers is unchanged, byte for byte. A section whose begin marker
    /// ends in CR LF gets CR LF line ends.
    public func bytes(replacing bodies: [String: String]) -> [UInt8] {
        var lines: [Line] = []
        for p in parts {
            switch p {
            case .text(let t): lines += t
            case .section(let n, let begin, let body, let end):
                lines.append(begin)
                if let new = bodies[n] {
                    let trimmed = new.hasSuffix("\n") ? String(new.dropLast()) : new
                    let cr = begin.last == 13
                    if !trimmed.isEmpty {
                        lines += trimmed.split(separator: "\n", omittingEmptySubsequences: false)
                            .map { Line(Array($0.utf8) + (cr ? [13] : [])) }
                    }
                } else {
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

    /// `text` with the generated sections it lacks (a tool that made the file was older) put where
    /// the template has them: after the nearest earlier template line the text also has, with the
    /// template's headings and blank lines in between; at the end when no such line is found. Prose
    /// of the template (placeholders) is never copied in. Inserted lines get CR LF ends when the
    /// text's first line has one.
    public static func inserting(missing names: [String], into text: [UInt8], template: String) -> [UInt8] {
        var lines = MarkedDocument.lines(text)
        let cr = lines.first?.last == 13
        func line(_ s: String) -> Line { Line(Array(s.utf8) + (cr ? [13] : [])) }
        func index(of s: String, from start: Int = 0) -> Int? {
            let wanted = Array(s.utf8)
            return lines.indices.dropFirst(start).first { content(lines[$0]).elementsEqual(wanted) }
        }
        let tmpl = template.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for name in names {
            guard let b = tmpl.firstIndex(of: begin(name)), let e = tmpl[b...].firstIndex(of: end(name)) else { continue }
            var anchor = b - 1
            while anchor >= 0, tmpl[anchor].isEmpty || index(of: tmpl[anchor]) == nil { anchor -= 1 }
            let between = anchor < 0 ? [] : tmpl[(anchor + 1)..<b].filter { $0.isEmpty || $0.hasPrefix("#") }
            let block = (Array(between) + Array(tmpl[b...e])).map(line)
            if anchor >= 0, let at = index(of: tmpl[anchor]) {
                // After the anchor's own section end, when the anchor is a begin marker.
                var after = at
                if case .begin(let other)? = marker(Line(tmpl[anchor].utf8)), let close = index(of: end(other), from: at) { after = close }
                lines.insert(contentsOf: (between.first?.isEmpty == false ? [line("")] : []) + block, at: after + 1)
            } else {
                if let last = lines.last, content(last).isEmpty { lines.removeLast() }
                lines += [line("")] + block + [line("")]
            }
        }
        return joined(lines)
    }

    enum Marker: Equatable { case begin(String), end(String) }

    /// The marker on `line`: at most 3 spaces before it, blanks after it.
    static func marker(_ line: Line) -> Marker? {
        var s = content(line)
        while let l = s.last, l == 0x20 || l == 0x09 { s.removeLast() }
        var indent = 0
        while s.first == 0x20 { s.removeFirst(); indent += 1 }
        guard indent <= 3, s.first == UInt8(ascii: "<") else { return nil }
        let text = String(decoding: s, as: UTF8.self)
        for (kind, make) in [("begin", Marker.begin), ("end", Marker.end)] {
            let prefix = "<!-- tormem:\(kind) ", suffix = " -->"
            guard text.hasPrefix(prefix), text.hasSuffix(suffix), text.count > prefix.count + suffix.count else { continue }
            let name = String(text.dropFirst(prefix.count).dropLast(suffix.count))
            return name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) ? make(name) : nil
        }
        return nil
    }

    /// The lines of `bytes`, split at `\n` (a last line without `\n` included, empty or not).
    static func lines(_ bytes: [UInt8]) -> [Line] {
        bytes.split(separator: 10, omittingEmptySubsequences: false)
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
