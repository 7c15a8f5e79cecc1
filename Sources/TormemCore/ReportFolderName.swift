/// The one naming rule of report folders, `YYYY-MM-DD-HOST-DESCRIPTION`, shared by
/// `tormem-charts report --new` and `tormem collect --auto-dir`. Every part is reduced to
/// `[a-z0-9-]`, so a name can never point outside the reports folder.
public enum ReportFolderName {
    /// Longest host or description part kept.
    public static let maxPartLength = 60

    /// Lower case ASCII letters and digits; every run of other characters becomes one `-`; no `-`
    /// at either end; at most `maxPartLength` characters. Empty when nothing is left (`""`, `"../.."`).
    public static func part(_ text: String) -> String {
        var out = ""
        for c in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(c) || ("0"..."9").contains(c) {
                out.unicodeScalars.append(c)
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out += "-"
            }
        }
        if out.count > maxPartLength { out = String(out.prefix(maxPartLength)) }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }

    /// The host part: the short host name (`relay1` of `relay1.example.org`), reduced by `part`.
    public static func host(_ name: String) -> String {
        part(name.split(separator: ".").first.map(String.init) ?? name)
    }

    /// `2025-09-18-co-guard-fragmentation`; nil when the host or the description has no letter or digit.
    public static func make(date: CivilDate, host: String, description: String) -> String? {
        let h = self.host(host), d = part(description)
        guard !h.isEmpty, !d.isEmpty else { return nil }
        return "\(date)-\(h)-\(d)"
    }
}
