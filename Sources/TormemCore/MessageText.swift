/// Bad input shown in a message: quoted, control characters as `?`, and at most `maxBytes` bytes of
/// UTF-8 (cut at a scalar, never inside one), so a 2 GB line or a 10 MB run of combining marks
/// still gives a one-line message.
public enum MessageText {
    public static let maxBytes = 80

    public static func quoted(_ s: String, maxBytes: Int = maxBytes) -> String {
        var out = String.UnicodeScalarView()
        var bytes = 0
        for u in s.unicodeScalars {
            let n = UTF8.width(u)
            if bytes + n > maxBytes { return "\"" + String(out) + "…\"" }
            bytes += n
            out.append(u.value < 32 || u.value == 127 ? "?" : u)
        }
        return "\"" + String(out) + "\""
    }
}

extension MessageText {
    /// `names` joined by commas, the first `shown` of them and then "and N more" (a fleet's list
    /// of hundreds of relays stays one readable line).
    public static func list(_ names: [String], shown: Int) -> String {
        names.prefix(shown).joined(separator: ", ") + (names.count > shown ? " and \(names.count - shown) more" : "")
    }
}
