/// Places text so that no two pieces overlap: every drawn text box is remembered, and optional
/// labels are only drawn where they fit.
final class TextLayout {
    let canvas: Canvas
    private(set) var occupied: [Rect] = []

    init(canvas: Canvas) { self.canvas = canvas }

    func box(_ item: TextItem) -> Rect { canvas.box(of: item) }

    func isFree(_ r: Rect, inside bounds: Rect? = nil) -> Bool {
        if let bounds, !bounds.contains(r) { return false }
        return !occupied.contains { $0.intersects(r) }
    }

    /// Draws text unconditionally (layout guarantees room) and reserves its box.
    @discardableResult
    func draw(_ item: TextItem) -> Rect {
        let b = box(item)
        occupied.append(b)
        canvas.drawText(item)
        return b
    }

    /// Draws the first candidate whose box is free (and inside `bounds`); returns its box, or nil.
    @discardableResult
    func drawFirstFree(_ candidates: [TextItem], inside bounds: Rect? = nil) -> Rect? {
        for c in candidates {
            let b = box(c)
            if isFree(b, inside: bounds) {
                occupied.append(b)
                canvas.drawText(c)
                return b
            }
        }
        return nil
    }

    func reserve(_ r: Rect) { occupied.append(r) }
}
