/// A piece of text placed on a canvas, with the anchor it is placed by.
public struct TextItem: Equatable, Sendable {
    public enum HorizontalAnchor: Sendable { case left, center, right }
    public enum VerticalAnchor: Sendable { case top, middle, baseline, bottom }

    public var text: String
    public var position: Point
    public var font: Font
    public var color: Color
    public var horizontal: HorizontalAnchor
    public var vertical: VerticalAnchor
    /// Counter-clockwise rotation in quarter turns: 0 = horizontal, 1 = reads bottom-to-top.
    public var quarterTurns: Int

    public init(_ text: String, at position: Point, font: Font, color: Color,
                horizontal: HorizontalAnchor = .left, vertical: VerticalAnchor = .baseline,
                quarterTurns: Int = 0) {
        self.text = text; self.position = position; self.font = font; self.color = color
        self.horizontal = horizontal; self.vertical = vertical; self.quarterTurns = quarterTurns
    }

    /// Offset from `position` to the start of the baseline, along the text's own axes.
    public func baselineOrigin(metrics m: TextMetrics) -> (dx: Double, dy: Double) {
        let dx: Double
        switch horizontal {
        case .left: dx = 0
        case .center: dx = -m.width / 2
        case .right: dx = -m.width
        }
        let dy: Double
        switch vertical {
        case .top: dy = m.ascent
        case .middle: dy = (m.ascent - m.descent) / 2
        case .baseline: dy = 0
        case .bottom: dy = -m.descent
        }
        return (dx, dy)
    }

    /// The box the text occupies on the canvas (ascent to descent, full advance width).
    public func box(metrics m: TextMetrics) -> Rect {
        let (dx, dy) = baselineOrigin(metrics: m)
        // In text space the box spans x: dx...dx+w, y: dy-ascent...dy+descent.
        let x0 = dx, x1 = dx + m.width, y0 = dy - m.ascent, y1 = dy + m.descent
        switch ((quarterTurns % 4) + 4) % 4 {
        case 0:
            return Rect(x: position.x + x0, y: position.y + y0, width: m.width, height: m.height)
        case 1: // rotated 90° counter-clockwise: text x-axis points up the page
            return Rect(x: position.x + y0, y: position.y - x1, width: m.height, height: m.width)
        case 2:
            return Rect(x: position.x - x1, y: position.y - y1, width: m.width, height: m.height)
        default: // 270°: text x-axis points down the page
            return Rect(x: position.x - y1, y: position.y + x0, width: m.height, height: m.width)
        }
    }
}
