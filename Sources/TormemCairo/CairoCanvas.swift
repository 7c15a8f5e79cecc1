import CCairo
import TormemPlot

/// A `Canvas` drawing into a cairo context (created by `CairoRenderer` for PNG, SVG or PDF).
///
/// Not thread-safe (a cairo context is not), and deliberately not `Sendable`: use one canvas on
/// one thread. Separate renders on separate threads are fine.
public final class CairoCanvas: Canvas {
    public let size: Size
    private let cr: OpaquePointer
    /// Number of `pushClip` calls not yet matched by `popClip`.
    public private(set) var clipDepth = 0
    private var metricsCache: [MeasureKey: TextMetrics] = [:]

    /// Takes its own reference on `context`.
    init(context: OpaquePointer, size: Size) {
        self.cr = cairo_reference(context)
        self.size = size
        CairoFont.applyOptions(to: cr)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
        cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING)
    }

    deinit { cairo_destroy(cr) }

    /// The context's status; anything but success means later drawing is ignored by cairo.
    var status: cairo_status_t { cairo_status(cr) }

    // MARK: Canvas

    public func measure(_ text: String, font: Font) -> TextMetrics {
        guard CairoFont.isUsable(font) else { return TextMetrics(width: 0, ascent: 0, descent: 0) }
        let key = MeasureKey(text: text, font: font)
        if let m = metricsCache[key] { return m }
        // Measure with an identity transformation (we only ever transform inside save/restore,
        // but be explicit so a future change cannot skew metrics).
        cairo_save(cr)
        cairo_identity_matrix(cr)
        let m = CairoFont.measure(text, font: font, on: cr)
        cairo_restore(cr)
        if metricsCache.count > 4096 { metricsCache.removeAll(keepingCapacity: true) }
        metricsCache[key] = m
        return m
    }

    public func fill(_ path: Path, color: Color) {
        guard appendPath(path) else { return }
        setSource(color)
        // Large polygons (dense-series envelopes) with the 4×4 sampler: at one pixel per column the
        // difference is invisible, and the default sampler costs several times more.
        let big = path.elements.count > 512
        if big { cairo_set_antialias(cr, CAIRO_ANTIALIAS_FAST) }
        cairo_fill(cr)
        if big { cairo_set_antialias(cr, CAIRO_ANTIALIAS_DEFAULT) }
    }

    /// On image surfaces the columns go straight into an A8 coverage mask (exact partial coverage at
    /// each column's top and bottom), composited once: linear in the pixels covered, where filling
    /// the outline polygon costs scanlines × crossing edges. Vector surfaces get the polygon.
    public func fillColumns(_ e: ColumnEnvelope, halfWidth: Double, color: Color) {
        guard !e.isEmpty else { return }
        let target = cairo_get_target(cr)
        guard cairo_surface_get_type(target) == CAIRO_SURFACE_TYPE_IMAGE, isIdentityTransform else {
            fill(e.outline(halfWidth: halfWidth), color: color)
            return
        }
        var top = Double.infinity, bottom = -Double.infinity
        for k in e.x.indices {
            top = min(top, e.top[k] - halfWidth); bottom = max(bottom, e.bottom[k] + halfWidth)
        }
        guard top.isFinite, bottom.isFinite else { return }
        let x0 = Int((e.x[0] - 0.5).rounded(.down)), x1 = Int((e.x[e.x.count - 1] + 0.5).rounded(.up))
        let y0 = max(Int(top.rounded(.down)), -1), y1 = min(Int(bottom.rounded(.up)), Int(size.height) + 1)
        let w = x1 - x0, h = y1 - y0
        guard w > 0, h > 0, w < 40_000, h < 40_000 else { return }
        guard let mask = cairo_image_surface_create(CAIRO_FORMAT_A8, Int32(w), Int32(h)) else { return }
        defer { cairo_surface_destroy(mask) }
        guard cairo_surface_status(mask) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(mask) else { return }
        let stride = Int(cairo_image_surface_get_stride(mask))
        cairo_surface_flush(mask)
        for k in e.x.indices {
            let col = Int((e.x[k] - 0.5).rounded(.down)) - x0
            guard col >= 0, col < w else { continue }
            let t = e.top[k] - halfWidth - Double(y0), b = e.bottom[k] + halfWidth - Double(y0)
            guard b > t else { continue }
            var row = max(0, Int(t.rounded(.down)))
            let last = min(h - 1, Int(b.rounded(.up)) - 1)
            while row <= last {
                // Coverage of pixel row [row, row + 1) by [t, b].
                let cover = min(Double(row + 1), b) - max(Double(row), t)
                if cover > 0 {
                    let p = data + row * stride + col
                    let v = Int(p.pointee) + Int((cover * 255).rounded())
                    p.pointee = UInt8(min(255, v))
                }
                row += 1
            }
        }
        cairo_surface_mark_dirty(mask)
        setSource(color)
        cairo_mask_surface(cr, mask, Double(x0), Double(y0))
    }

    private var isIdentityTransform: Bool {
        var m = cairo_matrix_t()
        cairo_get_matrix(cr, &m)
        return m.xx == 1 && m.yy == 1 && m.xy == 0 && m.yx == 0 && m.x0 == 0 && m.y0 == 0
    }

    public func stroke(_ path: Path, style: StrokeStyle) {
        guard style.width.isFinite, style.width > 0 else { return }
        guard appendPath(path) else { return }
        setSource(style.color)
        cairo_set_line_width(cr, style.width)
        let dash = Self.validDash(style.dash)
        dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
        cairo_stroke(cr)
    }

    public func drawText(_ item: TextItem) {
        guard !item.text.isEmpty, CairoFont.isUsable(item.font),
              item.position.x.isFinite, item.position.y.isFinite else { return }
        let m = measure(item.text, font: item.font)
        let (dx, dy) = item.baselineOrigin(metrics: m)
        let turns = ((item.quarterTurns % 4) + 4) % 4
        cairo_save(cr)
        cairo_translate(cr, item.position.x, item.position.y)
        // Exact quarter-turn matrices (no cos/sin rounding), counter-clockwise on the page, which
        // in cairo's y-down space is a rotation by -turns * 90°: user (x, y) maps to
        // 0: (x, y)   1: (y, -x)   2: (-x, -y)   3: (-y, x)   — exactly TextItem.box's cases.
        if turns != 0 {
            let (xx, yx, xy, yy): (Double, Double, Double, Double)
            switch turns {
            case 1: (xx, yx, xy, yy) = (0, -1, 1, 0)
            case 2: (xx, yx, xy, yy) = (-1, 0, 0, -1)
            default: (xx, yx, xy, yy) = (0, 1, -1, 0)
            }
            var rotation = cairo_matrix_t(xx: xx, yx: yx, xy: xy, yy: yy, x0: 0, y0: 0)
            cairo_transform(cr, &rotation)
        }
        CairoFont.select(item.font, on: cr)
        setSource(item.color)
        cairo_move_to(cr, dx, dy)
        item.text.withCString { cairo_show_text(cr, $0) }
        cairo_new_path(cr)
        cairo_restore(cr)
    }

    public func pushClip(_ rect: Rect) {
        cairo_save(cr)
        clipDepth += 1
        cairo_new_path(cr)
        if [rect.x, rect.y, rect.width, rect.height].allSatisfy(\.isFinite) {
            cairo_rectangle(cr, rect.x, rect.y, max(0, rect.width), max(0, rect.height))
        } else {
            cairo_rectangle(cr, 0, 0, 0, 0) // nonsense clip: clip everything away
        }
        cairo_clip(cr)
    }

    /// Restores the state saved by the matching `pushClip`; an unmatched call is ignored
    /// (restoring too often would put the cairo context into a permanent error state).
    public func popClip() {
        guard clipDepth > 0 else { return }
        clipDepth -= 1
        cairo_restore(cr)
    }

    // MARK: Helpers

    private func setSource(_ c: Color) {
        cairo_set_source_rgba(cr, Self.unit(c.red), Self.unit(c.green), Self.unit(c.blue), Self.unit(c.alpha))
    }

    private static func unit(_ v: Double) -> Double { v.isFinite ? min(1, max(0, v)) : 0 }

    /// Cairo rejects dashes with negative or non-finite entries or all zeros (and then stops
    /// drawing altogether); such a pattern is drawn solid instead.
    static func validDash(_ dash: [Double]) -> [Double] {
        guard !dash.isEmpty, dash.allSatisfy({ $0.isFinite && $0 >= 0 }), dash.contains(where: { $0 > 0 }) else {
            return []
        }
        return dash
    }

    /// Replaces the current path by `path`. Points with a non-finite coordinate are dropped and
    /// the next finite point starts a new sub-path. Returns false when nothing is left to draw.
    private func appendPath(_ path: Path) -> Bool {
        cairo_new_path(cr)
        var drawable = false
        var broken = true // the next line must become a move
        for element in path.elements {
            switch element {
            case .move(let p):
                guard p.x.isFinite, p.y.isFinite else { broken = true; continue }
                cairo_move_to(cr, p.x, p.y); broken = false
            case .line(let p):
                guard p.x.isFinite, p.y.isFinite else { broken = true; continue }
                if broken { cairo_move_to(cr, p.x, p.y); broken = false } else { cairo_line_to(cr, p.x, p.y); drawable = true }
            case .close:
                if !broken { cairo_close_path(cr) }
            }
        }
        if !drawable { cairo_new_path(cr) }
        return drawable
    }
}

struct MeasureKey: Hashable {
    var text: String
    var font: Font
}
