/// Writing CSV fields per RFC 4180: a field holding a comma, a quote or a line break is quoted and
/// its quotes doubled. The collector's rows and the Prometheus source's snapshot are written with it.
public enum CSVText {
    public static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return s }
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for c in s {
            if c == "\"" { out += "\"\"" } else { out.append(c) }
        }
        return out + "\""
    }

    /// One line (with its `\n`) of fields.
    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }
}
