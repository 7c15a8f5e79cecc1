import Testing
@testable import TormemCairo

/// Counting every distinct pixel of an image, with how many pixels have it.
@Suite struct ColorHistogramTests {
    func histogram(_ pixels: [UInt32], width: Int, limit: Int = 1 << 17) -> ColorHistogram? {
        pixels.withUnsafeBytes { ColorHistogram(ImagePixels(base: $0.baseAddress!, width: width, height: pixels.count / width, stride: 4 * width), limit: limit) }
    }

    @Test func countsInOrderOfFirstAppearance() throws {
        // Runs that cross row ends, and a colour coming back after others.
        let h = try #require(histogram([1, 1, 2, 2, 2, 1, 3, 3, 3, 1, 1, 2], width: 4))
        #expect(h.colors == [1, 2, 3])
        #expect(h.counts == [5, 4, 3])
        for (i, c) in h.colors.enumerated() { #expect(h.index(of: c) == i) }
    }

    @Test func growsPastItsFirstTable() throws {
        // 5 000 colours need the table doubled several times; every count survives it.
        var pixels: [UInt32] = []
        for i in 0..<5_000 {
            let color: UInt32 = 0xff00_0000 | (UInt32(i) &* 2_654_435_761) >> 8
            pixels += Array(repeating: color, count: 1 + i % 3)
        }
        let h = try #require(histogram(pixels, width: pixels.count))
        #expect(h.count == 5_000)
        #expect(h.counts.reduce(0, +) == pixels.count)
        for i in [0, 1, 2, 1_023, 4_999] {
            let color: UInt32 = 0xff00_0000 | (UInt32(i) &* 2_654_435_761) >> 8
            #expect(h.index(of: color) == i && h.counts[i] == 1 + i % 3)
        }
    }

    @Test func stopsPastTheLimit() {
        let pixels = (0..<300).map { 0xff00_0000 | UInt32($0) }
        #expect(histogram(pixels, width: 30, limit: 300) != nil)
        #expect(histogram(pixels, width: 30, limit: 299) == nil)
    }

    @Test func rowPaddingIsNotCounted() throws {
        let words: [UInt32] = [7, 8, 9, 9, 8, 8, 9, 9]
        let h = try #require(words.withUnsafeBytes { ColorHistogram(ImagePixels(base: $0.baseAddress!, width: 2, height: 2, stride: 16), limit: 256) })
        #expect(h.colors == [7, 8] && h.counts == [1, 3])
    }
}
