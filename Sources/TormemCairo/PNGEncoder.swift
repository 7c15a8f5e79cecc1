import CCairo
import CZlib

/// Encodes a cairo ARGB32 image surface as PNG with zlib directly: the "Up" filter on every row
/// (charts are flat colour and vertical structure) and a fast deflate level, one scanline at a time.
/// Several times faster than `cairo_surface_write_to_png` (every filter tried per row, level 6);
/// deterministic, and a valid PNG. Opaque images become 8-bit RGB, others 8-bit RGBA
/// (un-premultiplied). A `source` stamp goes into a `tEXt` chunk after `IHDR` (see `SourceStamp`).
enum PNGEncoder {
    static let level: Int32 = 1

    static func encode(surface: OpaquePointer, source: String? = nil) throws -> [UInt8] {
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface), width > 0, height > 0 else {
            throw CairoError("no image data to encode")
        }
        // Pixels are native-endian 32-bit words 0xAARRGGBB.
        let words = UnsafeRawPointer(data)
        var opaque = true
        outer: for y in 0..<height {
            let row = words.advanced(by: y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width where row[x] >> 24 != 0xff { opaque = false; break outer }
        }
        let channels = opaque ? 3 : 4
        let rowBytes = width * channels
        let line = UnsafeMutablePointer<UInt8>.allocate(capacity: rowBytes + 1)
        let prev = UnsafeMutablePointer<UInt8>.allocate(capacity: rowBytes)
        defer { line.deallocate(); prev.deallocate() }
        prev.initialize(repeating: 0, count: rowBytes)
        var deflater = try RowDeflater(level: level, expected: rowBytes * height / 8)
        defer { deflater.end() }
        let out = line + 1
        line[0] = 2  // Up
        for y in 0..<height {
            let row = words.advanced(by: y * stride).assumingMemoryBound(to: UInt32.self)
            if opaque {
                for x in 0..<width {
                    let p = row[x]
                    let r = UInt8(truncatingIfNeeded: p >> 16), g = UInt8(truncatingIfNeeded: p >> 8)
                    let b = UInt8(truncatingIfNeeded: p)
                    let k = 3 * x
                    out[k] = r &- prev[k]; out[k + 1] = g &- prev[k + 1]; out[k + 2] = b &- prev[k + 2]
                    prev[k] = r; prev[k + 1] = g; prev[k + 2] = b
                }
            } else {
                for x in 0..<width {
                    let p = row[x]
                    let a = p >> 24
                    var r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff
                    if a != 0 && a != 255 {
                        r = min(255, (r * 255 + a / 2) / a); g = min(255, (g * 255 + a / 2) / a); b = min(255, (b * 255 + a / 2) / a)
                    }
                    let k = 4 * x
                    let v0 = UInt8(r), v1 = UInt8(g), v2 = UInt8(b), v3 = UInt8(a)
                    out[k] = v0 &- prev[k]; out[k + 1] = v1 &- prev[k + 1]; out[k + 2] = v2 &- prev[k + 2]; out[k + 3] = v3 &- prev[k + 3]
                    prev[k] = v0; prev[k + 1] = v1; prev[k + 2] = v2; prev[k + 3] = v3
                }
            }
            try deflater.append(line, count: rowBytes + 1)
        }
        let idat = try deflater.finish()
        var png: [UInt8] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
        var ihdr: [UInt8] = []
        ihdr.appendBigEndian(UInt32(width)); ihdr.appendBigEndian(UInt32(height))
        ihdr += [8, opaque ? 2 : 6, 0, 0, 0]
        png.reserveCapacity(idat.count + 64)
        png.appendChunk("IHDR", ihdr)
        if let source { png.appendChunk("tEXt", SourceStamp.pngText(source)) }
        png.appendChunk("IDAT", idat)
        png.appendChunk("IEND", [])
        return png
    }
}

/// A zlib deflate stream fed in pieces, collecting its output.
struct RowDeflater: ~Copyable {
    /// On the heap: zlib keeps a pointer back to its stream, so the stream must never move.
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private var output: [UInt8] = []
    private let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 16)

    init(level: Int32, expected: Int) throws {
        stream.initialize(to: z_stream())
        let status = deflateInit_(stream, level, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            chunk.deallocate(); stream.deallocate()
            throw CairoError("zlib deflateInit failed (\(status))")
        }
        output.reserveCapacity(max(1024, expected))
    }

    mutating func append(_ bytes: UnsafeMutablePointer<UInt8>, count: Int) throws {
        stream.pointee.next_in = bytes
        stream.pointee.avail_in = UInt32(count)
        try run(Z_NO_FLUSH)
    }

    mutating func finish() throws -> [UInt8] {
        stream.pointee.next_in = nil
        stream.pointee.avail_in = 0
        try run(Z_FINISH)
        return output
    }

    private mutating func run(_ flush: Int32) throws {
        repeat {
            stream.pointee.next_out = chunk
            stream.pointee.avail_out = 1 << 16
            let status = deflate(stream, flush)
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                throw CairoError("zlib deflate failed (\(status))")
            }
            let produced = (1 << 16) - Int(stream.pointee.avail_out)
            if produced > 0 { output.append(contentsOf: UnsafeBufferPointer(start: chunk, count: produced)) }
            if flush == Z_FINISH, status == Z_STREAM_END { return }
        } while stream.pointee.avail_out == 0 || (flush == Z_FINISH)
    }

    mutating func end() {
        deflateEnd(stream)
        stream.deallocate()
        chunk.deallocate()
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
