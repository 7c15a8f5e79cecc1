import Foundation
import Testing
import TormemPlot
@testable import TormemCairo

/// The zlib PNG encoder against cairo's own decoder: same pixels, valid file, deterministic.
@Suite struct PNGEncoderTests {
    /// Flat fills and antialiased edges (fewer than 256 colours); `manyColors` adds 300 one-pixel
    /// squares of different greys, as text and line edges over several backgrounds do in charts.
    func draw(_ canvas: CairoCanvas, opaque: Bool, manyColors: Bool) {
        if opaque { canvas.fill(Rect(x: 0, y: 0, width: 300, height: 200), color: Color(hex: "#0d1117")!) }
        canvas.fill(Path.circle(center: Point(x: 150, y: 100), radius: 70, sides: 40), color: Color(red: 0, green: 0.8, blue: 0.6, alpha: 0.5))
        canvas.stroke(Path(polyline: [Point(x: 10, y: 190), Point(x: 290, y: 10)]), style: StrokeStyle(color: Color(hex: "#ff7b72")!, width: 3))
        var e = ColumnEnvelope()
        for c in 0..<200 { e.x.append(Double(c) + 50.5); e.top.append(120 + Double(c % 17)); e.bottom.append(150 + Double(c % 5) + 0.3) }
        canvas.fillColumns(e, halfWidth: 0.75, color: Color(hex: "#58a6ff")!)
        if manyColors {
            for i in 0..<300 {
                let v = Double(i) / 300
                canvas.fill(Rect(x: Double(i), y: 5, width: 1, height: 1), color: Color(red: v, green: 1 - v, blue: 0.5))
            }
        }
    }

    @Test(arguments: [(true, false), (false, false), (true, true), (false, true)])
    func decodesToTheDrawnPixels(opaque: Bool, manyColors: Bool) throws {
        let size = Size(width: 300, height: 200)
        let bytes = try CairoRenderer.render(size: size, format: .png) { draw($0, opaque: opaque, manyColors: manyColors) }
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
        let image = try CairoRenderer.decodePNG(bytes)
        #expect(image.width == 300 && image.height == 200)
        // Color type (IHDR byte 25): indexed up to 256 colours, else RGB when opaque, RGBA otherwise.
        #expect((Set(image.argb).count > 256) == manyColors)
        #expect(bytes[25] == (manyColors ? (opaque ? 2 : 6) : 3))
        // The same drawing through cairo's own PNG writer decodes to the same pixels (alpha images
        // within rounding of un-premultiplying).
        let reference = try CairoRenderer.referencePNG(size: size) { draw($0, opaque: opaque, manyColors: manyColors) }
        let ref = try CairoRenderer.decodePNG(reference)
        var worst = 0
        for i in image.argb.indices {
            for shift in stride(from: 0, to: 32, by: 8) {
                worst = max(worst, abs(Int((image.argb[i] >> UInt32(shift)) & 0xff) - Int((ref.argb[i] >> UInt32(shift)) & 0xff)))
            }
        }
        #expect(worst <= (opaque ? 0 : 1))
        let again = try CairoRenderer.render(size: size, format: .png) { draw($0, opaque: opaque, manyColors: manyColors) }
        #expect(again == bytes)
    }

    @Test func maskedColumnsMatchThePolygonFill() throws {
        // fillColumns on an image surface (coverage mask) against the outline polygon on a vector path.
        var e = ColumnEnvelope()
        for c in 0..<250 { e.x.append(Double(c) + 20.5); e.top.append(40 + 30 * sin(Double(c) / 9)); e.bottom.append(140 + 20 * cos(Double(c) / 7)) }
        let size = Size(width: 300, height: 200)
        let masked = try CairoRenderer.decodePNG(try CairoRenderer.render(size: size, format: .png) { c in
            c.fill(Rect(x: 0, y: 0, width: 300, height: 200), color: Color(hex: "#000000")!)
            c.fillColumns(e, halfWidth: 0, color: Color(hex: "#ffffff")!)
        })
        let polygon = try CairoRenderer.decodePNG(try CairoRenderer.render(size: size, format: .png) { c in
            c.fill(Rect(x: 0, y: 0, width: 300, height: 200), color: Color(hex: "#000000")!)
            c.fill(e.outline(), color: Color(hex: "#ffffff")!)
        })
        // Interiors agree exactly; only antialiased edge pixels may differ, and only slightly overall.
        var differing = 0
        for i in masked.argb.indices where abs(Int(masked.argb[i] & 0xff) - Int(polygon.argb[i] & 0xff)) > 64 { differing += 1 }
        #expect(differing < 250 * 2, "\(differing) pixels differ")
    }

    // MARK: Indexed (palette) images

    /// `count` distinct premultiplied colours, some translucent and one fully transparent when
    /// `alpha`, laid out in a `width`×`height` image in a pattern with runs and repeats.
    static func pixels(colors count: Int, alpha: Bool, width: Int, height: Int) -> [UInt32] {
        var colors: [UInt32] = [], seen = Set<UInt32>(), i = 0
        while colors.count < count {
            var a = 255
            if alpha, i == 1 { a = 0 } else if alpha, i % 3 != 0 { a = 40 + (i * 7) % 200 }
            let r = (i * 37 % 256) * a / 255, g = ((i * 11 + i / 256 * 101) % 256) * a / 255, b = (i % 256) * a / 255
            let color = UInt32(a << 24 | r << 16 | g << 8 | b)
            if seen.insert(color).inserted { colors.append(color) }
            i += 1
        }
        return (0..<(width * height)).map { k in
            let x = k % width, y = k / width
            return k < count ? colors[k] : colors[(x / 3 + y * 5) % count]
        }
    }

    func encode(_ pixels: [UInt32], width: Int) throws -> [UInt8] {
        try pixels.withUnsafeBytes {
            try PNGEncoder.encode(ImagePixels(base: $0.baseAddress!, width: width, height: pixels.count / width, stride: 4 * width), source: "sha256:00ff")
        }
    }

    @Test(arguments: [(1, 1), (2, 1), (4, 2), (16, 4), (17, 8), (256, 8)])
    func fewColorsMakeAPaletteImage(colors: Int, depth: Int) throws {
        for alpha in [false, true] where colors > 1 || !alpha {
            let width = 37, height = 23  // rows that end inside a byte at every depth
            let pixels = Self.pixels(colors: colors, alpha: alpha, width: width, height: height)
            let png = try encode(pixels, width: width)
            let chunks = PNGChunks(png)
            #expect(chunks.types == ["IHDR", "tEXt", "PLTE"] + (alpha ? ["tRNS"] : []) + ["IDAT", "IEND"])
            #expect(chunks["IHDR"]?[8] == UInt8(depth) && chunks["IHDR"]?[9] == 3)
            #expect(chunks["PLTE"]?.count == 3 * colors)
            #expect(SourceStamp.read(png) == "sha256:00ff")
            let image = try CairoRenderer.decodePNG(png)
            #expect(image.width == width && image.height == height)
            #expect(image.argb == pixels, "\(colors) colours, alpha \(alpha)")
            #expect(try encode(pixels, width: width) == png)
        }
    }

    @Test func paletteIsInOrderOfFirstAppearanceWithAlphaInTRNS() throws {
        let pixels: [UInt32] = [0xffff_0000, 0xffff_0000, 0x8000_4000, 0x0000_0000, 0xff00_00ff, 0x8000_4000]
        let chunks = PNGChunks(try encode(pixels, width: 3))
        #expect(chunks["PLTE"] == [255, 0, 0, 0, 128, 0, 0, 0, 0, 0, 0, 255])
        // Alpha up to the last translucent entry; the opaque blue after it is implied.
        #expect(chunks["tRNS"] == [255, 128, 0])
        #expect(try CairoRenderer.decodePNG(try encode(pixels, width: 3)).argb == pixels)
    }

    @Test(arguments: [false, true])
    func moreThan256ColorsStayTrueColor(alpha: Bool) throws {
        let width = 40, height = 30
        let pixels = Self.pixels(colors: 257, alpha: alpha, width: width, height: height)
        let png = try encode(pixels, width: width)
        let chunks = PNGChunks(png)
        #expect(chunks.types == ["IHDR", "tEXt", "IDAT", "IEND"])
        #expect(chunks["IHDR"]?[8] == 8 && chunks["IHDR"]?[9] == (alpha ? 6 : 2))
        #expect(try CairoRenderer.decodePNG(png).argb == pixels)
        #expect(try encode(pixels, width: width) == png)
    }

    /// `.palette`: a drawing of more than 256 colours becomes an indexed PNG of 256 of them; flat
    /// colours stay exact, edge shades move a little, the file is much smaller, the same drawing
    /// gives the same bytes; with alpha too (the palette's translucent entries go to `tRNS`).
    @Test(arguments: [true, false])
    func paletteModeReducesManyColours(opaque: Bool) throws {
        let size = Size(width: 300, height: 200)
        let exact = try CairoRenderer.render(size: size, format: .png) { draw($0, opaque: opaque, manyColors: true) }
        let reduced = try CairoRenderer.render(size: size, format: .png, pngColors: .palette) { draw($0, opaque: opaque, manyColors: true) }
        #expect(exact[25] == (opaque ? 2 : 6) && reduced[25] == 3)
        #expect(PNGChunks(reduced)["PLTE"]?.count == 3 * 256)
        #expect((PNGChunks(reduced)["tRNS"] != nil) == !opaque)
        let a = try CairoRenderer.decodePNG(exact).argb, b = try CairoRenderer.decodePNG(reduced).argb
        #expect(Set(b).count == 256)
        var worst = 0, moved = 0
        for i in a.indices where a[i] != b[i] {
            moved += 1
            for shift in stride(from: 0, to: 32, by: 8) {
                worst = max(worst, abs(Int((a[i] >> UInt32(shift)) & 0xff) - Int((b[i] >> UInt32(shift)) & 0xff)))
            }
        }
        #expect(worst <= 24, "a channel moved by \(worst)")
        #expect(moved < a.count / 50, "\(moved) of \(a.count) pixels moved")
        if opaque { #expect(b[0] == a[0], "the background stays exact") }
        #expect(reduced.count < exact.count)
        #expect(try CairoRenderer.render(size: size, format: .png, pngColors: .palette) { draw($0, opaque: opaque, manyColors: true) } == reduced)
    }

    /// `.palette` of an image that has at most 256 colours is the exact palette image.
    @Test func paletteModeOfFewColoursIsExact() throws {
        let size = Size(width: 300, height: 200)
        let exact = try CairoRenderer.render(size: size, format: .png) { draw($0, opaque: true, manyColors: false) }
        let reduced = try CairoRenderer.render(size: size, format: .png, pngColors: .palette) { draw($0, opaque: true, manyColors: false) }
        #expect(try CairoRenderer.decodePNG(reduced).argb == CairoRenderer.decodePNG(exact).argb)
    }

    /// Images of more than 2 MiB of scanlines are deflated in parts (`ScanlineDeflater`): RGB, RGBA
    /// and indexed, they decode to the same pixels.
    @Test(arguments: [(300, false, 1000, 800), (300, true, 1000, 800), (200, false, 2100, 1100)])
    func largeImagesInPartsDecodeToTheSamePixels(colors: Int, alpha: Bool, width: Int, height: Int) throws {
        let pixels = Self.pixels(colors: colors, alpha: alpha, width: width, height: height)
        let png = try encode(pixels, width: width)
        let rowBytes = 1 + width * (colors > 256 ? (alpha ? 4 : 3) : 1)
        #expect(ScanlineDeflater.parts(rows: height, rowBytes: rowBytes) > 1)
        #expect(png[25] == (colors > 256 ? (alpha ? 6 : 2) : 3))
        #expect(try CairoRenderer.decodePNG(png).argb == pixels)
        #expect(try encode(pixels, width: width) == png)
    }

    @Test func everyRowIsUnfiltered() throws {
        for colors in [5, 300] {
            let pixels = Self.pixels(colors: colors, alpha: false, width: 20, height: 15)
            let rows = try PNGChunks(try encode(pixels, width: 20)).inflatedImageData()
            let rowBytes = colors > 256 ? 60 : 10
            #expect(rows.count == 15 * (rowBytes + 1))
            #expect(stride(from: 0, to: rows.count, by: rowBytes + 1).allSatisfy { rows[$0] == 0 })
        }
    }

    /// The decoder (cairo's, that is libpng's) reads indexed images whatever filter each row uses:
    /// a hand-made 8-bit palette image with filter type 0, 1, 2, 3, 4 on its rows 0 to 4.
    @Test func decoderReadsPaletteImagesWithEveryFilter() throws {
        let width = 6, height = 5
        let palette: [UInt32] = [0xff10_2030, 0x8040_2000, 0, 0xffff_ffff, 0xff00_80ff]
        let indices: [[UInt8]] = (0..<height).map { (y: Int) -> [UInt8] in
            (0..<width).map { (x: Int) -> UInt8 in UInt8((x * x + y * 3 + x * y) % 5) }
        }
        var raw: [UInt8] = []
        var previous = [UInt8](repeating: 0, count: width)
        for (y, row) in indices.enumerated() {
            raw.append(UInt8(y))
            for x in 0..<width {
                let a = x > 0 ? Int(row[x - 1]) : 0, b = Int(previous[x]), c = x > 0 ? Int(previous[x - 1]) : 0
                let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                let predictor = [0, a, b, (a + b) / 2, pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)][y]
                raw.append(row[x] &- UInt8(predictor))
            }
            previous = row
        }
        let rows = raw, rowBytes = width + 1
        let idat = try ScanlineDeflater.zlib(rows: height, rowBytes: rowBytes) { y, line in
            line.update(from: Array(rows[(y * rowBytes)..<((y + 1) * rowBytes)]), count: rowBytes)
        }
        var ihdr: [UInt8] = []
        ihdr.appendBigEndian(UInt32(width)); ihdr.appendBigEndian(UInt32(height)); ihdr += [8, 3, 0, 0, 0]
        var png: [UInt8] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
        png.appendChunk("IHDR", ihdr)
        png.appendChunk("PLTE", palette.flatMap { p in let (r, g, b, _) = PNGEncoder.straight(p); return [r, g, b] })
        png.appendChunk("tRNS", palette.map { UInt8($0 >> 24) })
        png.appendChunk("IDAT", idat)
        png.appendChunk("IEND", [])
        let image = try CairoRenderer.decodePNG(png)
        #expect(image.argb == indices.flatMap { $0.map { palette[Int($0)] } })
    }
}

/// The chunks of a PNG file, in order.
struct PNGChunks {
    var chunks: [(type: String, data: [UInt8])] = []

    init(_ png: [UInt8]) {
        var at = 8
        while at + 12 <= png.count {
            let length = Int(png[at]) << 24 | Int(png[at + 1]) << 16 | Int(png[at + 2]) << 8 | Int(png[at + 3])
            chunks.append((String(decoding: png[(at + 4)..<(at + 8)], as: UTF8.self), Array(png[(at + 8)..<(at + 8 + length)])))
            at += 12 + length
        }
    }

    var types: [String] { chunks.map(\.type) }

    subscript(type: String) -> [UInt8]? { chunks.first { $0.type == type }?.data }

    /// The IDAT data inflated: each scanline's filter byte, then its bytes.
    func inflatedImageData() throws -> [UInt8] {
        try #require(SourceStamp.inflate(chunks.filter { $0.type == "IDAT" }.flatMap(\.data)))
    }
}
