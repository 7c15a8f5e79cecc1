import CCairo
import CZlib

/// A decoded raster image: `argb` holds one premultiplied 0xAARRGGBB value per pixel, rows top
/// to bottom (cairo's ARGB32 layout without the row padding).
public struct DecodedImage: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public var argb: [UInt32]

    public init(width: Int, height: Int, argb: [UInt32]) {
        self.width = width; self.height = height; self.argb = argb
    }

    public subscript(x: Int, y: Int) -> UInt32 { argb[y * width + x] }
}

extension CairoRenderer {
    /// An image surface decoded from PNG bytes by cairo; the caller destroys it.
    static func pngSurface(_ bytes: [UInt8]) throws -> OpaquePointer {
        let source = ByteSource(bytes)
        let surface: OpaquePointer? = withExtendedLifetime(source) {
            cairo_image_surface_create_from_png_stream(readFromSource, Unmanaged.passUnretained(source).toOpaque())
        }
        guard let surface else { throw CairoError("cairo could not decode the png") }
        do {
            try CairoError.check(cairo_surface_status(surface), while: "decoding png")
        } catch {
            cairo_surface_destroy(surface)
            throw error
        }
        return surface
    }

    /// Decodes PNG bytes with cairo (used by tests to inspect rendered pixels).
    public static func decodePNG(_ bytes: [UInt8]) throws -> DecodedImage {
        let surface = try pngSurface(bytes)
        defer { cairo_surface_destroy(surface) }
        cairo_surface_flush(surface)
        let format = cairo_image_surface_get_format(surface)
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24 else {
            throw CairoError("unsupported decoded pixel format \(format.rawValue)")
        }
        guard let data = cairo_image_surface_get_data(surface) else { throw CairoError("decoded png has no pixel data") }
        let opaque: UInt32 = format == CAIRO_FORMAT_RGB24 ? 0xff00_0000 : 0
        var argb = [UInt32]()
        argb.reserveCapacity(width * height)
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride)
            for x in 0..<width { argb.append(row.loadUnaligned(fromByteOffset: x * 4, as: UInt32.self) | opaque) }
        }
        return DecodedImage(width: width, height: height, argb: argb)
    }
}

/// Feeds bytes to cairo's PNG reader.
final class ByteSource {
    let bytes: [UInt8]
    var offset = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }
}

/// `cairo_read_func_t` reading from the `ByteSource` passed (unretained) as closure; it must
/// deliver exactly `length` bytes or fail.
let readFromSource: cairo_read_func_t = { closure, data, length in
    guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
    let source = Unmanaged<ByteSource>.fromOpaque(closure).takeUnretainedValue()
    let count = Int(length)
    guard source.bytes.count - source.offset >= count else { return CAIRO_STATUS_READ_ERROR }
    source.bytes.withUnsafeBufferPointer { buffer in
        data.update(from: buffer.baseAddress! + source.offset, count: count)
    }
    source.offset += count
    return CAIRO_STATUS_SUCCESS
}

extension CairoRenderer {
    /// `bytes` decoded and encoded again by cairo's own PNG writer (another zlib level, every filter
    /// tried per row: other bytes, the same pixels), with the original's `tEXt` chunks kept after
    /// `IHDR` when `keepingText`. What an image optimiser does to a committed chart (tests use it).
    public static func reencodePNG(_ bytes: [UInt8], keepingText: Bool = true) throws -> [UInt8] {
        let surface = try pngSurface(bytes)
        defer { cairo_surface_destroy(surface) }
        let sink = ByteSink()
        let status = withExtendedLifetime(sink) {
            cairo_surface_write_to_png_stream(surface, appendToSink, Unmanaged.passUnretained(sink).toOpaque())
        }
        try CairoError.check(status, while: "encoding png")
        guard keepingText else { return sink.bytes }
        var texts: [UInt8] = []
        var at = 8
        while at + 12 <= bytes.count {
            let length = Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
            guard at + 12 + length <= bytes.count else { break }
            if bytes[(at + 4)..<(at + 8)].elementsEqual("tEXt".utf8) { texts += bytes[at..<(at + 12 + length)] }
            at += 12 + length
        }
        let afterHeader = 8 + 25  // signature, then IHDR: length, type, 13 bytes, CRC
        return Array(sink.bytes[..<afterHeader]) + texts + Array(sink.bytes[afterHeader...])
    }
}
