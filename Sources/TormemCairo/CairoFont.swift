import CCairo
import TormemPlot

/// Font handling shared by `CairoCanvas` and `CairoTextMeasurer`, so measuring and drawing
/// use exactly the same face, size and options.
enum CairoFont {
    /// Unhinted outlines and unhinted (linear) metrics: widths are proportional to the font size
    /// and do not depend on the surface, the transformation or the machine's fontconfig hinting
    /// settings. Grey antialiasing (never subpixel) keeps text crisp and colour-neutral.
    static func applyOptions(to cr: OpaquePointer) {
        guard let options = cairo_font_options_create() else { return }
        defer { cairo_font_options_destroy(options) }
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_subpixel_order(options, CAIRO_SUBPIXEL_ORDER_DEFAULT)
        cairo_set_font_options(cr, options)
    }

    /// Whether cairo can use `font` at all (a zero, negative or non-finite size makes the font
    /// matrix singular, which would put the context into an error state).
    static func isUsable(_ font: Font) -> Bool { font.size.isFinite && font.size > 0 && font.size < 1e6 }

    /// Selects DejaVu Sans at `font`'s size and weight on `cr`. Caller checks `isUsable` first.
    static func select(_ font: Font, on cr: OpaquePointer) {
        let weight = font.weight == .bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL
        cairo_select_font_face(cr, Font.family, CAIRO_FONT_SLANT_NORMAL, weight)
        cairo_set_font_size(cr, font.size)
    }

    /// Advance width of `text` and the font-wide ascent and descent, measured on `cr`
    /// (whose transformation must be the identity).
    static func measure(_ text: String, font: Font, on cr: OpaquePointer) -> TextMetrics {
        guard isUsable(font) else { return TextMetrics(width: 0, ascent: 0, descent: 0) }
        select(font, on: cr)
        var fe = cairo_font_extents_t()
        cairo_font_extents(cr, &fe)
        var width = 0.0
        if !text.isEmpty {
            var te = cairo_text_extents_t()
            text.withCString { cairo_text_extents(cr, $0, &te) }
            width = te.x_advance
        }
        return TextMetrics(width: width, ascent: fe.ascent, descent: fe.descent)
    }
}
