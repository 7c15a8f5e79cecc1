import CCairo
import CZlib

/// Encodes a cairo ARGB32 image surface as PNG with zlib directly, scanline by scanline, in parts
/// deflated concurrently (`ScanlineDeflater`). Every row has filter type 0 (None): `RowDeflater` is
/// tuned to find the pixels to the left and above as matches itself, which makes charts 10 to 18 %
/// smaller than filtering them ("Up", "Sub", "Paeth", or libpng's per-row minimum-sum choice).
///
/// - At most 256 distinct pixels (`ColorPalette`), or `PNGColors.palette`: an indexed image
///   (colour type 3) of 1, 2, 4 or 8 bits per pixel, its `PLTE` in order of first appearance, a
///   `tRNS` chunk when some colour is not opaque. With `.palette` a chart's 800 to 60 000 colours
///   (antialiased text and line edges over a few backgrounds) are reduced to 256 of them
///   (`ColorQuantizer`): files about half the size.
/// - More, with `.exact`: 8-bit RGB when opaque, 8-bit RGBA (un-premultiplied) when not; also
///   with `.palette` for an image of more than `ColorPalette.reducibleCount` colours.
///
/// With `.exact` the file decodes to exactly the surface's pixels (cairo's reader premultiplies
/// back to the same words). The same pixels give the same bytes. Several times faster than
/// `cairo_surface_write_to_png` (every filter tried per row, level 6), files a little larger (see
/// BENCHMARKS.md, "PNG size"). A `source` stamp goes into a `tEXt` chunk after `IHDR` (see
/// `SourceStamp`).
enum PNGEncoder {
    static func encode(surface: OpaquePointer, source: String? = nil, colors: PNGColors = .exact) throws -> [UInt8] {
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface), width > 0, height > 0 else {
            throw CairoError("no image data to encode")
        }
        return try encode(ImagePixels(base: UnsafeRawPointer(data), width: width, height: height, stride: stride), source: source, colors: colors)
    }

    /// The PNG of `image`.
    static func encode(_ image: ImagePixels, source: String? = nil, colors: PNGColors = .exact) throws -> [UInt8] {
        var ihdr: [UInt8] = []
        ihdr.appendBigEndian(UInt32(image.width)); ihdr.appendBigEndian(UInt32(image.height))
        var chunks: [(String, [UInt8])] = []
        if let palette = colors == .exact ? ColorPalette(image) : ColorPalette(reducing: image) {
            ihdr += [UInt8(palette.bitDepth), 3, 0, 0, 0]
            var plte: [UInt8] = [], trns: [UInt8] = []
            for color in palette.colors {
                let (r, g, b, a) = straight(color)
                plte += [r, g, b]
                trns.append(a)
            }
            // Alpha of the entries up to the last translucent one; the rest are opaque.
            if let last = trns.lastIndex(where: { $0 != 255 }) { trns.removeSubrange((last + 1)...) } else { trns = [] }
            chunks.append(("PLTE", plte))
            if !trns.isEmpty { chunks.append(("tRNS", trns)) }
            chunks.append(("IDAT", try indexedData(image, palette: palette)))
        } else {
            let opaque = image.isOpaque
            ihdr += [8, opaque ? 2 : 6, 0, 0, 0]
            chunks.append(("IDAT", try colorData(image, opaque: opaque)))
        }
        var png: [UInt8] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
        png.reserveCapacity(chunks.reduce(512) { $0 + $1.1.count + 12 })
        png.appendChunk("IHDR", ihdr)
        if let source { png.appendChunk("tEXt", SourceStamp.pngText(source)) }
        for (type, bytes) in chunks { png.appendChunk(type, bytes) }
        png.appendChunk("IEND", [])
        return png
    }

    /// A premultiplied 0xAARRGGBB word as straight (un-premultiplied) red, green, blue, alpha.
    @inline(__always)
    static func straight(_ p: UInt32) -> (UInt8, UInt8, UInt8, UInt8) {
        let a = p >> 24
        var r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff
        if a != 0 && a != 255 {
            r = min(255, (r * 255 + a / 2) / a); g = min(255, (g * 255 + a / 2) / a); b = min(255, (b * 255 + a / 2) / a)
        }
        return (UInt8(r), UInt8(g), UInt8(b), UInt8(a))
    }

    /// The zlib stream of an RGB (`opaque`) or RGBA image's scanlines, each with filter type 0.
    private static func colorData(_ image: ImagePixels, opaque: Bool) throws -> [UInt8] {
        let width = image.width
        return try ScanlineDeflater.zlib(rows: image.height, rowBytes: 1 + width * (opaque ? 3 : 4)) { y, line in
            let row = image.row(y), out = line + 1
            line[0] = 0
            if opaque {
                for x in 0..<width {
                    let p = row[x], k = 3 * x
                    out[k] = UInt8(truncatingIfNeeded: p >> 16); out[k + 1] = UInt8(truncatingIfNeeded: p >> 8)
                    out[k + 2] = UInt8(truncatingIfNeeded: p)
                }
            } else {
                for x in 0..<width {
                    let (r, g, b, a) = straight(row[x]), k = 4 * x
                    out[k] = r; out[k + 1] = g; out[k + 2] = b; out[k + 3] = a
                }
            }
        }
    }

    /// The zlib stream of the image's scanlines as `palette` indices packed at its bit depth
    /// (leftmost pixel in the high bits), each with filter type 0.
    private static func indexedData(_ image: ImagePixels, palette: ColorPalette) throws -> [UInt8] {
        let width = image.width, depth = palette.bitDepth, perByte = 8 / depth
        let rowBytes = 1 + (width * depth + 7) / 8
        return try ScanlineDeflater.zlib(rows: image.height, rowBytes: rowBytes, tuning: .indexed) { y, line in
            let row = image.row(y), out = line + 1
            line.initialize(repeating: 0, count: rowBytes)
            var lastPixel = row[0], lastIndex = palette.index(of: lastPixel)
            for x in 0..<width {
                let p = row[x]
                if p != lastPixel { lastPixel = p; lastIndex = palette.index(of: p) }
                if depth == 8 {
                    out[x] = lastIndex
                } else {
                    out[x / perByte] |= lastIndex << UInt8(8 - depth * (x % perByte + 1))
                }
            }
        }
    }
}

extension Array where Element == UInt8 {
    mutating func appendBigEndian(_ v: UInt32) {
        append(UInt8(v >> 24)); append(UInt8((v >> 16) & 0xff)); append(UInt8((v >> 8) & 0xff)); append(UInt8(v & 0xff))
    }

    mutating func appendChunk(_ type: String, _ data: [UInt8]) {
        appendBigEndian(UInt32(data.count))
        let typeBytes = Array(type.utf8)
        var crc = crc32(0, nil, 0)
        crc = typeBytes.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, UInt32($0.count)) }
        crc = data.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, UInt32($0.count)) }
        append(contentsOf: typeBytes)
        append(contentsOf: data)
        appendBigEndian(UInt32(crc))
    }
}
