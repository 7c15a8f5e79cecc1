/// Numbers as text without locale or Foundation: fixed decimals, GB from KiB.
public enum NumberText {
    /// KiB in one GB (1 GB = 1024 MiB = 1048576 KiB, as in the charts).
    public static let kibPerGB = 1_048_576.0

    /// `x` rounded half away from zero to `decimals` places: `fixed(1.005, 2)` → `1.01` (as the decimal reads).
    public static func fixed(_ x: Double, decimals: Int) -> String {
        guard x.isFinite else { return "" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(x) * scale * (1 + 1e-12)).rounded(.toNearestOrAwayFromZero)
        let whole = Int(scaled / scale)
        let frac = Int(scaled - Double(whole) * scale)
        var s = (x < 0 && scaled != 0 ? "-" : "") + String(whole)
        if decimals > 0 {
            let f = String(frac)
            s += "." + String(repeating: "0", count: decimals - f.count) + f
        }
        return s
    }

    /// At most two decimals, no trailing zeros: `5`, `0.5`, `0.01`.
    public static func short(_ x: Double) -> String {
        var s = fixed(x, decimals: 2)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }

    /// `1.23` (GB, two decimals) from KiB.
    public static func gigabytes(kb: Int) -> String { fixed(Double(kb) / kibPerGB, decimals: 2) }

    /// The fragmentation ratio as written into rows and tables (two decimals).
    public static func ratio(_ r: Double) -> String { fixed(r, decimals: 2) }
}
