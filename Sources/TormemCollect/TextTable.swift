/// A plain-text table: a title row, rows, and optional total rows under a rule; columns padded
/// to their widest cell, numbers right-aligned. Lines carry no trailing spaces.
public struct TextTable: Equatable, Sendable {
    public enum Alignment: Sendable { case left, right }

    public struct Column: Equatable, Sendable {
        public var title: String
        public var alignment: Alignment
        public init(_ title: String, _ alignment: Alignment = .left) { self.title = title; self.alignment = alignment }
    }

    public var columns: [Column]
    public var rows: [[String]] = []
    public var footer: [[String]] = []

    public init(columns: [Column]) { self.columns = columns }

    public var text: String {
        let all = [columns.map(\.title)] + rows + footer
        var widths = columns.map { _ in 0 }
        for row in all {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, column) in columns.enumerated() {
                let cell = i < cells.count ? cells[i] : ""
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                parts.append(column.alignment == .left ? cell + pad : pad + cell)
            }
            var s = parts.joined(separator: "  ")
            while s.hasSuffix(" ") { s.removeLast() }
            return s + "\n"
        }
        var out = line(columns.map(\.title))
        for row in rows { out += line(row) }
        if !footer.isEmpty {
            out += line(widths.map { String(repeating: "-", count: $0) })
            for row in footer { out += line(row) }
        }
        return out
    }
}
