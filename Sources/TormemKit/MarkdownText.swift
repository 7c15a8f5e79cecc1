/// Escaping of text that comes from data (nicknames, labels, titles) for Markdown that may be
/// rendered as HTML: it can never break a table, open a link or an image, or inject HTML.
public enum MarkdownText {
    /// Inline text: Markdown punctuation backslash-escaped, `<`, `>` and `&` as entities, line
    /// breaks and control characters as spaces.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for ch in s {
            switch ch {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "|", "~":
                out.append("\\"); out.append(ch)
            case "#", "+", "-", "=":
                // At the start of a line these would open a heading, list or rule.
                if out.isEmpty { out.append("\\") }
                out.append(ch)
            case "\n", "\r", "\t": out.append(" ")
            default:
                if ch.unicodeScalars.allSatisfy({ $0.value >= 32 && $0.value != 127 }) { out.append(ch) } else { out.append(" ") }
            }
        }
        return out
    }

    /// A table cell: escaped, never empty (an em dash stands for nothing).
    public static func cell(_ s: String) -> String {
        let e = escape(s)
        return e.isEmpty ? "—" : e
    }

    /// A Markdown table with a header row; every cell already escaped by the caller.
    public static func table(_ header: [String], _ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        var lines = ["| " + header.joined(separator: " | ") + " |",
                     "|" + header.indices.map { rightAligned.contains($0) ? " ---: " : " --- " }.joined(separator: "|") + "|"]
        for r in rows { lines.append("| " + r.joined(separator: " | ") + " |") }
        return lines.joined(separator: "\n")
    }

    /// An image with escaped alt text and a relative path of safe characters.
    public static func image(alt: String, path: String) -> String {
        "![\(escape(alt))](\(link(path)))"
    }

    /// A chart in a light and a dark version: GitHub (and browsers) show the one that matches the
    /// reader's colour scheme; the light one where `<picture>` is not understood.
    public static func picture(alt: String, light: String, dark: String) -> String {
        ["<picture>",
         "  <source media=\"(prefers-color-scheme: dark)\" srcset=\"\(attribute(link(dark)))\">",
         "  <img src=\"\(attribute(link(light)))\" alt=\"\(attribute(alt))\">",
         "</picture>"].joined(separator: "\n")
    }

    /// A relative path as a link target: percent-escaped unless it is plain.
    static func link(_ path: String) -> String {
        let safe = path.allSatisfy { $0.isLetter || $0.isNumber || "-_./".contains($0) }
        return safe ? path : path.addingPercentEscapes
    }

    /// Text as an HTML attribute value between double quotes (no line breaks).
    static func attribute(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\n", "\r", "\t": out += " "
            default: out.append(c)
            }
        }
        return out
    }

    /// `text` in a fenced code block whose fence is longer than any run of backticks in it, so no
    /// folder name in a command can close the block.
    static func codeBlock(_ text: String, language: String) -> String {
        var longest = 0, run = 0
        for ch in text { run = ch == "`" ? run + 1 : 0; longest = max(longest, run) }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + language + "\n" + text + "\n" + fence
    }
}

extension String {
    var addingPercentEscapes: String {
        var out = ""
        for b in utf8 {
            if (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || "-_./".utf8.contains(b) {
                out.append(Character(UnicodeScalar(b)))
            } else {
                out += "%" + String(b, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }

    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
