import Testing
@testable import TormemPlot

@Suite struct NiceTicksTests {
    @Test(arguments: [(0.0, 5.3), (0.0, 1.0), (0.4, 0.9), (12.0, 13.0), (0.0, 123_456.0), (-3.0, 7.0), (2.0, 2.0)])
    func ticksCoverRangeWithNiceSteps(lo: Double, hi: Double) {
        let t = NiceTicks(lo: lo, hi: hi, maxCount: 6)
        #expect(t.lower <= lo && t.upper >= hi)
        #expect(t.values.count >= 2 && t.values.count <= 8)
        let mag = pow10(floorLog10(t.step))
        let mantissa = t.step / mag
        #expect([1.0, 2.0, 2.5, 5.0, 10.0].contains { abs($0 - mantissa) < 1e-9 }, "step \(t.step)")
        for (a, b) in zip(t.values, t.values.dropFirst()) { #expect(abs(b - a - t.step) < t.step * 1e-6) }
    }

    @Test func labelsAreExactAndDistinct() {
        let t = NiceTicks(lo: 0, hi: 1.3)
        let labels = t.values.map(t.label)
        #expect(Set(labels).count == labels.count)
        #expect(labels == ["0.00", "0.25", "0.50", "0.75", "1.00", "1.25", "1.50"])
        let big = NiceTicks(lo: 0, hi: 50_000)
        #expect(big.values.map(big.label) == ["0", "10,000", "20,000", "30,000", "40,000", "50,000"])
    }

    private func floorLog10(_ v: Double) -> Double { (log10v(v)).rounded(.down) }
    private func log10v(_ v: Double) -> Double { var e = 0.0; var x = v; while x >= 10 { x /= 10; e += 1 }; while x < 1 { x *= 10; e -= 1 }; return e }
    private func pow10(_ e: Double) -> Double { var r = 1.0; if e >= 0 { for _ in 0..<Int(e) { r *= 10 } } else { for _ in 0..<Int(-e) { r /= 10 } }; return r }
}
