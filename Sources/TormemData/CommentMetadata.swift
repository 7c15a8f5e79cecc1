import TormemCore

/// What the `#` comment lines of a file say: `# Key: value` pairs (snapshot `Collected`, `Host`) and
/// the `# GROUP DEFINITIONS` block (`# group,relay,config,...` then one line per relay).
public struct CommentMetadata: Equatable, Sendable {
    /// `# Key: value` lines, keys lower-cased.
    public var values: [String: String] = [:]
    /// Group → label (the `config` text of the first definition line of that group).
    public var groupLabels: [String: String] = [:]
    /// Relay nickname → group from the definitions.
    public var relayGroups: [String: String] = [:]

    public init() {}

    private var inDefinitions = false
    private var definitionColumns: [String]?
    private var lastLine = -10

    mutating func read(line: Int, text raw: String) {
        var t = Substring(raw)
        while t.first == "#" { t.removeFirst() }
        let text = String(t).trimmingSpaces
        let contiguous = line == lastLine + 1
        lastLine = line
        if text.uppercased() == "GROUP DEFINITIONS" {
            inDefinitions = true; definitionColumns = nil
            return
        }
        if inDefinitions, contiguous, !text.isEmpty, text.contains(",") {
            let cells = CommentMetadata.split(text)
            if definitionColumns == nil {
                definitionColumns = cells.map(normalizeColumn)
                return
            }
            let cols = definitionColumns!
            func cell(_ name: String) -> String? {
                guard let i = cols.firstIndex(of: name), i < cells.count else { return nil }
                let v = cells[i].trimmingSpaces
                return v.isEmpty ? nil : v
            }
            if let g = cell("group") {
                if let label = cell("config") ?? cell("label") ?? cell("name"), groupLabels[g] == nil { groupLabels[g] = label }
                if let r = cell("relay") ?? cell("nickname") { relayGroups[r] = g }
            }
            return
        }
        inDefinitions = false
        if let colon = text.firstIndex(of: ":"), colon != text.startIndex {
            let key = text[..<colon].trimmingCharacters
            let value = String(text[text.index(after: colon)...]).trimmingSpaces
            if !key.isEmpty, !key.contains(","), values[key] == nil { values[key] = value }
        }
    }

    /// Splits a comment's CSV text (double quotes group commas).
    static func split(_ s: String) -> [String] {
        var out: [String] = [], cur = "", quoted = false
        for c in s {
            if c == "\"" { quoted.toggle() } else if c == ",", !quoted { out.append(cur); cur = "" } else { cur.append(c) }
        }
        out.append(cur)
        return out
    }
}

private extension Substring {
    var trimmingCharacters: String { String(self).trimmingSpaces.lowercased() }
}
