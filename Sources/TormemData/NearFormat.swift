import TormemCore

/// The format a header no format matches is nearly in: most of its columns are that format's, but
/// a required one is missing or misspelled. Said instead of "unrecognised header" so the message
/// names what to fix: `looks like the unified format but lacks the column rss_kb ("rsskb" is
/// probably rss_kb)`.
struct NearFormat {
    var format: InputFormat
    /// The required columns the header lacks, each as said: `type`, `total_kb (or count)`.
    var missing: [String]
    /// What else an experiment header lacks: its `group,relay` start, its day columns.
    var layout: [String]
    /// A present column no format knows and the missing one it probably is.
    var misspelled: [(found: String, meant: String)]

    /// Nil when no format holds at least 2 of the header's columns and at least half of them, or
    /// two formats hold equally many (the header is then no nearer one than the other).
    init?(header: [String]) {
        let columns = header.map(normalizeColumn).filter { !$0.isEmpty }
        let scored = InputFormat.allCases.map { f in (f, columns.filter { NearFormat.belongs($0, to: f) }.count) }
            .sorted { $0.1 > $1.1 }
        guard let best = scored.first, best.1 >= 2, best.1 * 2 >= columns.count, scored[1].1 < best.1 else { return nil }
        format = best.0
        let lacking = format.requiredColumns.filter { !$0.contains(where: columns.contains) }
        missing = lacking.map { $0.count == 1 ? $0[0] : $0[0] + " (or " + $0.dropFirst().joined(separator: " or ") + ")" }
        layout = []
        if format == .experiment {
            if lacking.isEmpty, columns[0] != "group" || columns[1] != "relay" {
                layout.append("group,relay as its first two columns (found \(MessageText.quoted(columns[0] + "," + columns[1])))")
            }
            if !columns.contains(where: { InputFormat.dayIndex($0) != nil }) { layout.append("day columns (day0,day1,...)") }
        }
        guard !missing.isEmpty || !layout.isEmpty else { return nil }
        // A column of no format, close to a missing one, is that one misspelled.
        let unknown = columns.filter { c in c.count <= 40 && !InputFormat.allCases.contains { NearFormat.belongs(c, to: $0) } }
        misspelled = unknown.compactMap { c in Suggestion.closest(to: c, among: lacking.flatMap { $0 }).map { (c, $0) } }
    }

    /// The text after `data.csv:1: `.
    var message: String {
        var parts = layout
        if !missing.isEmpty { parts.insert((missing.count == 1 ? "the column " : "the columns ") + missing.joined(separator: " and "), at: 0) }
        var s = "header looks like the \(format.rawValue) format but lacks " + parts.joined(separator: " and ")
        if !misspelled.isEmpty {
            s += " (" + misspelled.map { "\(MessageText.quoted($0.found)) is probably \($0.meant)" }.joined(separator: ", ") + ")"
        }
        return s + "; expected " + format.headerSummary
    }

    /// Whether the reader of `format` knows `column` (normalised).
    static func belongs(_ column: String, to format: InputFormat) -> Bool {
        format.knownColumns.contains(column) || (format == .experiment && InputFormat.dayIndex(column) != nil)
    }
}
