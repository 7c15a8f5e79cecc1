import CCairo
import CZlib

/// The fingerprint of what a chart was drawn from, kept in the chart file's own metadata so that a
/// check can tell whether the chart is current without comparing pixels or bytes (which depend on
/// the cairo, pixman, freetype and zlib of the machine that drew it):
///
/// - PNG: a `tEXt` chunk `tormem:source` right after `IHDR` (kept by encoders that keep text chunks);
/// - SVG: a comment `<!-- tormem:source VALUE -->` after the XML declaration;
/// - PDF: the document keywords `tormem:source=VALUE`.
///
/// VALUE is letters, digits and `:` (e.g. `sha256:…`).
public enum SourceStamp {
    public static let keyword = "tormem:source"

    /// Whether `value` can be stored (and read back unchanged).
    public static func isValid(_ value: String) -> Bool {
        !value.isEmpty && value.utf8.count <= 200 && value.utf8.allSatisfy(isValueByte)
    }

    /// The stamp in `bytes` (a PNG, SVG or PDF file), or nil when it has none.
    public static func read(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) { return pngText(in: bytes) }
        if let v = search(bytes[...]) { return v }
        // A PDF may keep its document information in a compressed object stream.
        guard bytes.starts(with: Array("%PDF".utf8)) else { return nil }
        for stream in flateStreams(bytes) {
            if let v = search(stream[...]) { return v }
        }
        return nil
    }

    // MARK: Writing

    /// The PNG `tEXt` chunk's data: keyword, NUL, text.
    static func pngText(_ value: String) -> [UInt8] { Array(keyword.utf8) + [0] + Array(value.utf8) }

    /// `svg` with the comment after its XML declaration (or at the start when it has none).
    static func svg(_ svg: [UInt8], value: String) -> [UInt8] {
        let comment = Array("<!-- \(keyword) \(value) -->\n".utf8)
        var at = 0
        if svg.starts(with: Array("<?xml".utf8)), let end = firstIndex(of: Array("?>".utf8), in: svg[...]) {
            at = end + 2
            if at < svg.count, svg[at] == UInt8(ascii: "\n") { at += 1 }
        }
        return Array(svg[..<at]) + comment + Array(svg[at...])
    }

    /// Sets the PDF document keywords; before anything is drawn.
    static func pdf(_ surface: OpaquePointer, value: String) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, "\(keyword)=\(value)")
    }

    // MARK: Reading

    /// The stamp of a PNG's `tEXt` chunk: chunk by chunk, so the bytes after it (its CRC) are
    /// never taken for part of the value.
    private static func pngText(in png: [UInt8]) -> String? {
        let prefix = pngText("")
        var at = 8
        while at + 12 <= png.count {
            let length = Int(png[at]) << 24 | Int(png[at + 1]) << 16 | Int(png[at + 2]) << 8 | Int(png[at + 3])
            guard length >= 0, at + 12 + length <= png.count else { return nil }
            let data = png[(at + 8)..<(at + 8 + length)]
            if png[(at + 4)..<(at + 8)].elementsEqual("tEXt".utf8), data.starts(with: prefix) {
                let value = String(decoding: data.dropFirst(prefix.count), as: UTF8.self)
                return isValid(value) ? value : nil
            }
            if png[(at + 4)..<(at + 8)].elementsEqual("IEND".utf8) { return nil }
            at += 12 + length
        }
        return nil
    }

    private static func isValueByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || b == UInt8(ascii: ":")
    }

    /// The value after the first `tormem:source` followed by a space (SVG) or `=` (PDF).
    private static func search(_ bytes: ArraySlice<UInt8>) -> String? {
        let key = Array(keyword.utf8)
        var from = bytes.startIndex
        while let at = firstIndex(of: key, in: bytes[from...]) {
            var i = at + key.count
            from = at + 1
            guard i < bytes.endIndex, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "=") else { continue }
            i += 1
            let start = i
            while i < bytes.endIndex, isValueByte(bytes[i]) { i += 1 }
            if i > start { return String(decoding: bytes[start..<i], as: UTF8.self) }
        }
        return nil
    }

    private static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var i = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while i <= last {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// The inflated contents of every `stream … endstream` of a PDF that zlib can inflate.
    private static func flateStreams(_ pdf: [UInt8]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        let open = Array("stream".utf8), close = Array("endstream".utf8)
        var from = 0
        while let s = firstIndex(of: open, in: pdf[from...]) {
            from = s + open.count
            if s >= 3, pdf[(s - 3)..<s].elementsEqual("end".utf8) { continue }
            var start = s + open.count
            if start < pdf.count, pdf[start] == 0x0d { start += 1 }
            if start < pdf.count, pdf[start] == 0x0a { start += 1 }
            guard let end = firstIndex(of: close, in: pdf[start...]) else { break }
            if let inflated = inflate(Array(pdf[start..<end])) { out.append(inflated) }
            from = end + close.count
        }
        return out
    }

    /// zlib-inflated `bytes` (at most 64 MiB), or nil when they are not a zlib stream.
    static func inflate(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 2 else { return nil }
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var input = bytes
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        return input.withUnsafeMutableBufferPointer { inBuf -> [UInt8]? in
            stream.next_in = inBuf.baseAddress
            stream.avail_in = UInt32(inBuf.count)
            while true {
                let (status, produced) = chunk.withUnsafeMutableBufferPointer { c -> (Int32, Int) in
                    stream.next_out = c.baseAddress
                    stream.avail_out = UInt32(c.count)
                    let status = zlib_inflate(&stream)
                    return (status, c.count - Int(stream.avail_out))
                }
                out += chunk[..<produced]
                if status == Z_STREAM_END { return out }
                guard status == Z_OK, out.count < 64 << 20, produced > 0 || stream.avail_in > 0 else {
                    return out.isEmpty ? nil : out
                }
            }
        }
    }
}

/// zlib's `inflate`, named apart from `SourceStamp.inflate`.
private func zlib_inflate(_ stream: UnsafeMutablePointer<z_stream>) -> Int32 { CZlib.inflate(stream, Z_NO_FLUSH) }
