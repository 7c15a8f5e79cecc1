#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TormemCore

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
