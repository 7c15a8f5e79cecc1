import CCairo
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TormemPlot

/// Renders a drawing to PNG, SVG or PDF bytes. Writing them anywhere is the caller's job.
///
/// Output is deterministic: the same drawing gives byte-identical files, within one process and
/// across processes (PDF carries no creation date; SVG element ids are renumbered, see
/// `SVGIDNormalizer`).
public enum CairoRenderer {
    /// Largest width or height cairo's image surfaces accept.
    public static let maximumPixelSize = 32_767

    /// Creates a `size`-sized surface of `format` (PNG: pixels; SVG and PDF: points, numerically
    /// equal to the pixels), lets `draw` paint on it and returns the encoded file.
    /// The surface starts fully transparent. `source`, the fingerprint of what the drawing was
    /// made from, goes into the file's metadata (see `SourceStamp`). `pngColors`: whether a PNG
    /// keeps every colour or at most 256 (see `PNGColors`). Throws `CairoError` on any
    /// cairo failure and rethrows errors thrown by `draw`.
    public static func render(size: Size, format: OutputFormat, source: String? = nil, pngColors: PNGColors = .exact,
                              draw: (CairoCanvas) throws -> Void) throws -> [UInt8] {
        guard size.width.isFinite, size.height.isFinite, size.width >= 1, size.height >= 1,
              size.width <= Double(maximumPixelSize), size.height <= Double(maximumPixelSize) else {
            throw CairoError("invalid canvas size \(size.width)×\(size.height): each side must be 1...\(maximumPixelSize)")
        }
        if let source, !SourceStamp.isValid(source) { throw CairoError("invalid source stamp \(source)") }
        switch format {
        case .png: return try renderPNG(size: size, source: source, colors: pngColors, draw: draw)
        case .svg:
            let svg = SVGIDNormalizer.normalize(try renderVector(size: size, format: .svg, draw: draw))
            return source.map { SourceStamp.svg(svg, value: $0) } ?? svg
        case .pdf: return try renderVector(size: size, format: .pdf, source: source, draw: draw)
        }
    }

    // MARK: PNG

    private static func renderPNG(size: Size, source: String?, colors: PNGColors, draw: (CairoCanvas) throws -> Void) throws -> [UInt8] {
        let width = Int32(size.width.rounded(.up)), height = Int32(size.height.rounded(.up))
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height) else {
            throw CairoError("cairo could not create an image surface")
        }
        defer { cairo_surface_destroy(surface) }
        try CairoError.check(cairo_surface_status(surface), while: "creating a \(width)×\(height) image surface")
        try paint(surface: surface, size: Size(width: Double(width), height: Double(height)), draw: draw)
        cairo_surface_flush(surface)
        return try PNGEncoder.encode(surface: surface, source: source, colors: colors)
    }

    /// The same drawing encoded by cairo's own PNG writer (tests compare the encoders).
    public static func referencePNG(size: Size, draw: (CairoCanvas) throws -> Void) throws -> [UInt8] {
        let width = Int32(size.width.rounded(.up)), height = Int32(size.height.rounded(.up))
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height) else {
            throw CairoError("cairo could not create an image surface")
        }
        defer { cairo_surface_destroy(surface) }
        try paint(surface: surface, size: Size(width: Double(width), height: Double(height)), draw: draw)
        cairo_surface_flush(surface)
        let sink = ByteSink()
        let status = withExtendedLifetime(sink) {
            cairo_surface_write_to_png_stream(surface, appendToSink, Unmanaged.passUnretained(sink).toOpaque())
        }
        try CairoError.check(status, while: "encoding png")
        return sink.bytes
    }

    // MARK: SVG and PDF

    /// SVG and PDF surfaces are rendered one at a time: cairo 1.16 subsets fonts for them with its
    /// glyph caches frozen, and a scaled font shared with another thread drawing at that moment can
    /// be freed mid-freeze (`cairo_scaled_font_destroy: Assertion '! scaled_font->cache_frozen'`,
    /// seen once in ~1,700 concurrent PDF renders). Raster (PNG) rendering stays concurrent.
    private static let vectorLock = VectorLock()

    private static func renderVector(size: Size, format: OutputFormat, source: String? = nil,
                                     draw: (CairoCanvas) throws -> Void) throws -> [UInt8] {
        vectorLock.lock()
        defer { vectorLock.unlock() }
        let sink = ByteSink()
        return try withExtendedLifetime(sink) {
            let closure = Unmanaged.passUnretained(sink).toOpaque()
            let created: OpaquePointer?
            switch format {
            case .svg:
                created = cairo_svg_surface_create_for_stream(appendToSink, closure, size.width, size.height)
            default:
                created = cairo_pdf_surface_create_for_stream(appendToSink, closure, size.width, size.height)
            }
            guard let surface = created else { throw CairoError("cairo could not create a \(format.rawValue) surface") }
            defer { cairo_surface_destroy(surface) }
            try CairoError.check(cairo_surface_status(surface), while: "creating a \(format.rawValue) surface")
            switch format {
            case .svg:
                // Unit-less width/height: browsers show the SVG at the PNG's pixel size
                // (cairo 1.16's default is "pt", which displays a third larger).
                cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1)
                cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_USER)
            default:
                // cairo stamps /CreationDate with the current time; an empty date removes the
                // entry (a fixed ISO date would be written by 1.16 without the required "D:"
                // prefix). Nothing else in cairo 1.16's PDF depends on time or process.
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "")
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "tormem")
                if let source { SourceStamp.pdf(surface, value: source) }
            }
            try paint(surface: surface, size: size, draw: draw)
            cairo_surface_finish(surface)
            try CairoError.check(cairo_surface_status(surface), while: "writing \(format.rawValue)")
            return sink.bytes
        }
    }

    // MARK: Shared

    /// Runs `draw` on a fresh context for `surface` and checks cairo's status afterwards.
    private static func paint(surface: OpaquePointer, size: Size, draw: (CairoCanvas) throws -> Void) throws {
        guard let cr = cairo_create(surface) else { throw CairoError("cairo could not create a drawing context") }
        defer { cairo_destroy(cr) }
        try CairoError.check(cairo_status(cr), while: "creating a drawing context")
        let canvas = CairoCanvas(context: cr, size: size)
        try draw(canvas)
        try CairoError.check(canvas.status, while: "drawing")
        // Drop clips left open by `draw` so the page is complete before the surface finishes.
        while canvas.clipDepth > 0 { canvas.popClip() }
    }
}

/// Collects the bytes cairo writes to a stream.
final class ByteSink {
    var bytes: [UInt8] = []
}

/// `cairo_write_func_t` appending to the `ByteSink` passed (unretained) as closure.
let appendToSink: cairo_write_func_t = { closure, data, length in
    guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    if let data, length > 0 { sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length))) }
    return CAIRO_STATUS_SUCCESS
}

/// A process-wide mutex (see `CairoRenderer.vectorLock`).
final class VectorLock: @unchecked Sendable {  // the mutex itself is the synchronisation
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    init() { pthread_mutex_init(mutex, nil) }
    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
}
