/// The drawing contract every output implements (Cairo PNG/SVG/PDF, the recording canvas in tests).
/// Coordinates are device units with the origin top-left. Deliberately tiny: the chart code above it
/// does all layout; a canvas only translates calls.
public protocol Canvas: AnyObject {
    /// The drawable size.
    var size: Size { get }
    /// Width, ascent and descent of `text` at `font` (must agree with what `drawText` produces).
    func measure(_ text: String, font: Font) -> TextMetrics
    func fill(_ path: Path, color: Color)
    func stroke(_ path: Path, style: StrokeStyle)
    func drawText(_ item: TextItem)
    /// Restricts drawing to `rect` until the matching `popClip`.
    func pushClip(_ rect: Rect)
    func popClip()
    /// Fills a dense series' column extents (widened by `halfWidth`). Canvases may rasterise this
    /// directly; the default fills the outline polygon.
    func fillColumns(_ envelope: ColumnEnvelope, halfWidth: Double, color: Color)
    /// Says what a part of the drawing is for (nothing is drawn; the default ignores it).
    func annotate(_ annotation: Annotation)
}

extension Canvas {
    /// The box `item` will occupy once drawn.
    public func box(of item: TextItem) -> Rect { item.box(metrics: measure(item.text, font: item.font)) }

    public func fill(_ rect: Rect, color: Color) { fill(Path(rect: rect), color: color) }

    public func annotate(_ annotation: Annotation) {}

    public func fillColumns(_ envelope: ColumnEnvelope, halfWidth: Double, color: Color) {
        fill(envelope.outline(halfWidth: halfWidth), color: color)
    }
}
