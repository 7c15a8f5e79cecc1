/// Follows fenced code blocks (CommonMark): a line of at least three backticks or tildes, indented
/// by at most 3 spaces, opens one; a line of at least as many of the same character and nothing
/// else closes it. Fed every line of a document in order.
struct CodeFence {
    /// The open fence: its character and length.
    private var open: (char: UInt8, count: Int)?

    /// Whether `line` is part of a fenced code block (its fence lines included).
    mutating func isCode(_ line: ArraySlice<UInt8>) -> Bool {
        var s = line
        if s.last == 13 { s.removeLast() }
        var indent = 0
        while s.first == 0x20, indent < 4 { s.removeFirst(); indent += 1 }
        let run = indent <= 3 ? s.prefix { $0 == s.first } : []
        let fenceChar = run.first.flatMap { $0 == UInt8(ascii: "`") || $0 == UInt8(ascii: "~") ? $0 : nil }
        if let o = open {
            if let c = fenceChar, c == o.char, run.count >= o.count,
               s.dropFirst(run.count).allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                open = nil
            }
            return true
        }
        guard let c = fenceChar, run.count >= 3 else { return false }
        // A backtick fence's info string holds no backtick (else it is inline code).
        if c == UInt8(ascii: "`"), s.dropFirst(run.count).contains(c) { return false }
        open = (c, run.count)
        return true
    }
}
