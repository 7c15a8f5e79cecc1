/// Decimal digits as a non-negative `Int`, without trapping: nil for anything but digits, and for
/// a number beyond `Int.max`.
enum WholeNumber {
    static func parse<C: Collection>(_ digits: C) -> Int? where C.Element == UInt8 {
        guard !digits.isEmpty, digits.count <= 40 else { return nil }
        var v = 0
        for c in digits {
            guard c >= 48, c <= 57 else { return nil }
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int(c - 48))
            if o1 || o2 { return nil }
            v = s
        }
        return v
    }

    static func parse(_ text: some StringProtocol) -> Int? { parse(Array(text.utf8)) }

    /// A short quotation of what was found instead of a number (at most 40 characters).
    static func quote<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let text = String(decoding: bytes.prefix(40), as: UTF8.self)
        return "\"" + text.map { $0.isASCII && !$0.isNewline && $0 != "\"" && ($0.asciiValue ?? 0) >= 32 ? String($0) : "?" }.joined()
            + (bytes.count > 40 ? "…" : "") + "\""
    }
}
