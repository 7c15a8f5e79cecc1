#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// "Nice" numeric ticks: steps of 1, 2, 2.5 or 5 times a power of ten.
public struct NiceTicks: Equatable, Sendable {
    public var values: [Double]
    public var step: Double
    /// The axis range rounded outwards to whole steps.
    public var lower: Double
    public var upper: Double

    /// Ticks covering `lo...hi` with at most `maxCount` intervals (at least 1).
    public init(lo lo0: Double, hi hi0: Double, maxCount: Int = 6) {
        var lo = lo0, hi = hi0
        if !lo.isFinite || !hi.isFinite { lo = 0; hi = 1 }
        if hi < lo { swap(&lo, &hi) }
        if hi - lo < 1e-12 {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= lo == 0 ? 0 : pad
            hi += pad
        }
        let target = Double(max(1, maxCount))
        let raw = (hi - lo) / target
        let mag = pow(10, floor(log10(raw)))
        var step = mag * 10
        for m in [1.0, 2.0, 2.5, 5.0, 10.0] where mag * m >= raw * (1 - 1e-9) {
            step = mag * m
            break
        }
        let lower = floor(lo / step + 1e-9) * step
        let upper = ceil(hi / step - 1e-9) * step
        var values: [Double] = []
        var v = lower
        var k = 0
        while v <= upper + step * 1e-6 {
            values.append(abs(v) < step * 1e-9 ? 0 : v)
            k += 1
            v = lower + Double(k) * step
        }
        self.values = values
        self.step = step
        self.lower = lower
        self.upper = upper
    }

    /// Decimal places needed to print every tick exactly.
    public var decimals: Int {
        var d = 0
        var s = step
        while d < 6, abs(s - s.rounded()) > 1e-9 * max(1, abs(s)) { s *= 10; d += 1 }
        return d
    }

    public func label(_ v: Double) -> String {
        decimals == 0 && abs(v) >= 10_000 && abs(v) < 9e15 ? NumberFormat.grouped(Int(v.rounded())) : NumberFormat.fixed(v, decimals: decimals)
    }
}

/// Number formatting without Foundation (locale-independent, deterministic).
public enum NumberFormat {
    /// `v` with exactly `decimals` digits after the point, rounded half away from zero.
    public static func fixed(_ v: Double, decimals: Int) -> String {
        guard v.isFinite else { return v.isNaN ? "–" : (v > 0 ? "∞" : "-∞") }
        // Beyond 2^53 digits are not exact anyway (and would overflow UInt64): scientific form.
        guard abs(v) * pow(10.0, Double(max(0, decimals))) < 9e15 else { return "\(v)" }
        let p = pow(10.0, Double(decimals))
        let scaled = (abs(v) * p).rounded(.toNearestOrAwayFromZero)
        let negative = v < 0 && scaled > 0
        let intPart = UInt64(scaled / p)
        var frac = UInt64(scaled - Double(intPart) * p)
        if decimals == 0 { frac = 0 }
        var s = (negative ? "-" : "") + String(intPart)
        if decimals > 0 {
            let f = String(frac)
            s += "." + String(repeating: "0", count: max(0, decimals - f.count)) + f
        }
        return s
    }

    /// Memory in GB with sensible precision: `0.27`, `5.14`, `33.8`, `412`.
    public static func gb(_ kib: Double) -> String {
        let g = kib / 1_048_576
        let a = abs(g)
        if a >= 1000 && a < 9e15 { return grouped(Int(g.rounded())) }
        return fixed(g, decimals: a < 10 ? 2 : a < 100 ? 1 : 0)
    }

    /// A percentage with sign: `+110.7%`, `-3.2%`.
    public static func percent(_ v: Double, decimals: Int = 1) -> String {
        (v > 0 ? "+" : "") + fixed(v, decimals: decimals) + "%"
    }

    /// Thousands separated with a thin space-free comma: `200,000`.
    public static func grouped(_ n: Int) -> String {
        let s = String(abs(n))
        var out = ""
        for (i, c) in s.enumerated() {
            if i > 0, (s.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}
