import Testing
@testable import TormemCairo

/// Reducing a chart's colours to a palette of its own colours.
@Suite struct ColorQuantizerTests {
    /// A chart in miniature: a dark background, a grid, three series colours and a white text
    /// colour, each also in 16 antialiased shades over the background (as cairo draws edges), and
    /// one small red marker drawn nowhere else.
    static func chartPixels() -> (pixels: [UInt32], flat: [UInt32], marker: UInt32) {
        let background: UInt32 = 0xff0d_1117, grid: UInt32 = 0xff30_363d, marker: UInt32 = 0xffff_0000
        let inks: [UInt32] = [0xffe6_9f00, 0xff56_b4e9, 0xff00_9e73, 0xffff_ffff]
        func blend(_ a: UInt32, _ b: UInt32, _ t: Double) -> UInt32 {
            var out: UInt32 = 0xff00_0000
            for shift: UInt32 in [0, 8, 16] {
                let x = Double((a >> shift) & 0xff), y = Double((b >> shift) & 0xff)
                out |= UInt32((x * (1 - t) + y * t).rounded()) << shift
            }
            return out
        }
        var pixels = [UInt32](repeating: background, count: 200 * 100)
        for x in stride(from: 0, to: 200, by: 20) { for y in 0..<100 { pixels[y * 200 + x] = grid } }
        var k = 0
        for (n, ink) in inks.enumerated() {
            for level in 1...16 {
                // Many pixels of the ink itself, few of each shade (every shade differs from the others).
                let shade = blend(background, ink, Double(level) / 17 + Double(n) / 1000)
                for _ in 0..<(3 + level % 4) { pixels[2_000 + k] = shade; k += 1 }
            }
            for _ in 0..<400 { pixels[2_000 + k] = ink; k += 1 }
        }
        for _ in 0..<6 { pixels[2_000 + k] = marker; k += 1 }
        // More shades than a palette holds: a gradient band of grey over the background.
        for i in 0..<300 { pixels[12_000 + i] = blend(background, 0xff80_8080, Double(i) / 300) }
        return (pixels, [background, grid, marker] + inks, marker)
    }

    func histogram(_ pixels: [UInt32]) throws -> ColorHistogram {
        try #require(pixels.withUnsafeBytes { ColorHistogram(ImagePixels(base: $0.baseAddress!, width: 200, height: pixels.count / 200, stride: 800), limit: 1 << 17) })
    }

    static func distance(_ a: UInt32, _ b: UInt32) -> Int {
        let w = [(24, 3), (16, 2), (8, 4), (0, 3)]
        return w.reduce(0) { s, c in let d = Int((a >> UInt32(c.0)) & 0xff) - Int((b >> UInt32(c.0)) & 0xff); return s + c.1 * d * d }
    }

    @Test func keepsTheFlatColoursAndARareMarker() throws {
        let (pixels, flat, marker) = Self.chartPixels()
        let h = try histogram(pixels)
        #expect(h.count > 256)
        let (chosen, nearest) = ColorQuantizer.choose(h, maximum: 256)
        #expect(chosen.count == 256)
        let palette = chosen.map { h.colors[$0] }
        for c in flat { #expect(palette.contains(c), "flat colour \(String(c, radix: 16)) kept") }
        #expect(palette.contains(marker))
        #expect(chosen == chosen.sorted(), "palette in order of first appearance")
        // Each colour goes to the nearest colour of the palette, and no channel moves far.
        for (i, c) in h.colors.enumerated() {
            let mapped = palette[Int(nearest[i])]
            #expect(Self.distance(c, mapped) == palette.map { Self.distance(c, $0) }.min())
            for shift: UInt32 in [0, 8, 16, 24] {
                #expect(abs(Int((c >> shift) & 0xff) - Int((mapped >> shift) & 0xff)) <= 8)
            }
        }
    }

    @Test func sameImageSamePalette() throws {
        let h = try histogram(Self.chartPixels().pixels)
        let first = ColorQuantizer.choose(h, maximum: 256)
        let second = ColorQuantizer.choose(h, maximum: 256)
        #expect(first.chosen == second.chosen && first.nearest == second.nearest)
    }

    @Test func fewerColoursThanTheMaximumAreAllKept() throws {
        let pixels = (0..<200 * 10).map { 0xff00_0000 | UInt32($0 % 37) * 0x0001_0101 }
        let h = try histogram(pixels)
        let (chosen, nearest) = ColorQuantizer.choose(h, maximum: 64)
        #expect(chosen == Array(0..<37))
        #expect(nearest == (0..<37).map { UInt8($0) })
    }
}
