#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one number formatter of tormem: locale-independent and deterministic, for charts, reports,
/// summaries, tables and CSV cells alike.
public enum NumberFormat {
    /// `v` with exactly `decimals` digits after the point, rounded half away from zero as the
    /// decimal reads (`fixed(1.005, 2)` → `1.01`, although 1.005 is stored a hair below).
    /// NaN is `–`, infinities `∞` / `-∞`; beyond 2^53 the digits are not exact, so scientific form.
    public static func fixed(_ v: Double, decimals: Int) -> String {
        guard v.isFinite else { return v.isNaN ? "–" : (v > 0 ? "∞" : "-∞") }
        let places = max(0, decimals)
        guard abs(v) * pow(10.0, Double(places)) < 9e15 else { return "\(v)" }
        let p = pow(10.0, Double(places))
        let scaled = (abs(v) * p * (1 + 1e-12)).rounded(.toNearestOrAwayFromZero)
        let negative = v < 0 && scaled > 0
        let intPart = UInt64(scaled / p)
        let frac = places == 0 ? 0 : UInt64(scaled - Double(intPart) * p)
        var s = (negative ? "-" : "") + String(intPart)
        if places > 0 {
            let f = String(frac)
            s += "." + String(repeating: "0", count: max(0, places - f.count)) + f
        }
        return s
    }

    /// At most two decimals, no trailing zeros: `5`, `0.5`, `0.01`.
    public static func short(_ v: Double) -> String {
        var s = fixed(v, decimals: 2)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }

    /// GB with sensible precision for axes and callouts: `0.27`, `5.14`, `33.8`, `412`, `1,024`.
    public static func gb(_ m: Memory) -> String {
        let g = m.gb
        let a = abs(g)
        if a >= 1000 && a < 9e15 { return grouped(Int(g.rounded())) }
        return fixed(g, decimals: a < 10 ? 2 : a < 100 ? 1 : 0)
    }

    /// GB with two decimals (tables, summaries, CSV): `1.23`.
    public static func gb2(_ m: Memory) -> String { fixed(m.gb, decimals: 2) }

    /// A fragmentation ratio as rows and tables show it (two decimals).
    public static func ratio(_ r: Double) -> String { fixed(r, decimals: 2) }

    /// A percentage with sign: `+110.7%`, `-3.2%`.
    public static func percent(_ v: Double, decimals: Int = 1) -> String {
        (v > 0 ? "+" : "") + fixed(v, decimals: decimals) + "%"
    }

    /// `v` with a sign as people print it: `+0.95`, `−3.2` (a true minus sign), and no sign when it
    /// rounds to zero (`0.00`, never `−0.00`); NaN is `–`.
    public static func signed(_ v: Double, decimals: Int) -> String {
        let digits = fixed(abs(v), decimals: decimals)
        if v.isNaN || (v.isFinite && !digits.contains(where: { $0 >= "1" && $0 <= "9" })) { return digits }
        return (v < 0 ? "−" : "+") + digits
    }

    /// Thousands separated by commas: `200,000`.
    public static func grouped(_ n: Int) -> String {
        let s = String(n.magnitude)
        var out = ""
        for (i, c) in s.enumerated() {
            if i > 0, (s.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}
