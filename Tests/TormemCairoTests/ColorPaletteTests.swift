import Testing
@testable import TormemCairo

/// Counting the distinct pixels of an image, up to a palette's 256.
@Suite struct ColorPaletteTests {
    func palette(_ pixels: [UInt32], width: Int) -> ColorPalette? {
        pixels.withUnsafeBytes { ColorPalette(ImagePixels(base: $0.baseAddress!, width: width, height: pixels.count / width, stride: 4 * width)) }
    }

    @Test func colorsInOrderOfFirstAppearance() throws {
        let p = try #require(palette([0xff00_0000, 0xff00_0000, 0xffff_ffff, 0x8040_2010, 0xff00_0000, 0, 0xffff_ffff, 0], width: 4))
        #expect(p.colors == [0xff00_0000, 0xffff_ffff, 0x8040_2010, 0])
        #expect(p.count == 4 && p.bitDepth == 2)
        for (i, c) in p.colors.enumerated() { #expect(p.index(of: c) == UInt8(i)) }
    }

    @Test func exactly256ColorsFitAnd257DoNot() throws {
        let colors = (0..<257).map { 0xff00_0000 | UInt32($0) &* 0x0001_0203 }
        let fits = try #require(palette(Array(colors.prefix(256)) + Array(colors.prefix(256).reversed()), width: 64))
        #expect(fits.count == 256 && fits.bitDepth == 8)
        #expect(palette(colors + [colors[0], colors[0], colors[0]], width: 260) == nil)
    }

    @Test func rowPaddingIsNotAPixel() throws {
        // Two pixels per row, rows 16 bytes apart: the padding holds a third colour never looked at.
        let words: [UInt32] = [0xff11_1111, 0xff22_2222, 0xffab_cdef, 0xffab_cdef, 0xff22_2222, 0xff11_1111, 0xffab_cdef, 0xffab_cdef]
        let p = try #require(words.withUnsafeBytes { ColorPalette(ImagePixels(base: $0.baseAddress!, width: 2, height: 2, stride: 16)) })
        #expect(p.colors == [0xff11_1111, 0xff22_2222])
        #expect(p.bitDepth == 1)
    }

    @Test(arguments: [(1, 1), (2, 1), (3, 2), (4, 2), (5, 4), (16, 4), (17, 8), (256, 8)])
    func bitDepthFitsTheCount(count: Int, depth: Int) throws {
        let p = try #require(palette((0..<count).map { 0xff00_0000 | UInt32($0) }, width: count))
        #expect(p.bitDepth == depth)
    }
}
