/// What a part of a drawing is for, told to a canvas besides the drawing itself: drawing canvases
/// ignore it (`Canvas.annotate`'s default), the recording canvas keeps it, so tests can check a
/// layout's meaning (plot room, labels beside their marks, time order) without pixels.
public enum Annotation: Equatable, Sendable {
    /// A panel's data area (a ranking's bars).
    case plotArea(Rect)
    /// A label placed for a mark (a value's dot, an event's or a count change's line): the box of
    /// the label's text (all its lines), the height of its first line, the mark's box and the
    /// leader line drawn between them, if any.
    case callout(text: String, label: Rect, lineHeight: Double, mark: Rect, leader: [Point]?)
    /// A label placed at `value` along the x axis of a time (or days) axis, of one `kind`
    /// (`tick`, `event`, `count change`): labels of a kind that share a row read in time order.
    case axisLabel(text: String, box: Rect, value: Double, kind: String)
}
