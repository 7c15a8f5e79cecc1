/// Puts a `<title>` and a `<desc>` (what the chart shows, its alt text) right after the opening
/// `<svg …>` tag, as screen readers and image viewers expect; text XML-escaped.
public enum SVGDescription {
    public static func inserting(title: String, description: String, into svg: [UInt8]) -> [UInt8] {
        let open = Array("<svg".utf8)
        guard let start = (0...max(0, svg.count - open.count)).first(where: { Array(svg[$0..<($0 + open.count)]) == open }),
              let end = svg[start...].firstIndex(of: UInt8(ascii: ">")) else { return svg }
        let text = "\n<title>\(escape(title))</title>\n<desc>\(escape(description))</desc>"
        return Array(svg[...end]) + Array(text.utf8) + Array(svg[(end + 1)...])
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: if c.value >= 0x20 || c == "\n" || c == "\t" { out.unicodeScalars.append(c) }
            }
        }
        return out
    }
}
