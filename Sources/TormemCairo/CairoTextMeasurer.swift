import CCairo
import Foundation
import TormemPlot

/// Measures text exactly like `CairoCanvas.measure` without drawing anything, so layouts computed
/// off-screen (the recording canvas in tests, layout code) equal the ones rendered.
///
/// `@unchecked Sendable`: the cairo context and the cache are only touched while holding `lock`.
public final class CairoTextMeasurer: @unchecked Sendable {
    /// A process-wide measurer.
    public static let shared = CairoTextMeasurer()

    private let lock = NSLock()
    private let surface: OpaquePointer
    private let cr: OpaquePointer
    private var cache: [MeasureKey: TextMetrics] = [:]
    private let cacheLimit = 20_000

    public init() {
        // Metrics do not depend on the surface with hint metrics off; a 1×1 image is the cheapest.
        surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
        cr = cairo_create(surface)
        CairoFont.applyOptions(to: cr)
    }

    deinit {
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
    }

    /// Advance width of `text` at `font` plus the font's ascent and descent.
    public func measure(_ text: String, font: Font) -> TextMetrics {
        guard CairoFont.isUsable(font) else { return TextMetrics(width: 0, ascent: 0, descent: 0) }
        let key = MeasureKey(text: text, font: font)
        lock.lock()
        defer { lock.unlock() }
        if let m = cache[key] { return m }
        let m = CairoFont.measure(text, font: font, on: cr)
        if cache.count >= cacheLimit { cache.removeAll(keepingCapacity: true) }
        cache[key] = m
        return m
    }

    /// The box `item` occupies once drawn by a `CairoCanvas`.
    public func box(of item: TextItem) -> Rect { item.box(metrics: measure(item.text, font: item.font)) }
}
