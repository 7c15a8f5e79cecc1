/// A font request; the family is fixed (DejaVu Sans) so output is the same on every machine.
public struct Font: Equatable, Hashable, Sendable {
    public enum Weight: Sendable, Hashable { case regular, bold }
    public var size: Double
    public var weight: Weight

    public init(size: Double, weight: Weight = .regular) { self.size = size; self.weight = weight }

    public static let family = "DejaVu Sans"
}

/// What a canvas reports for a run of text at a font: advance width, ascent and descent
/// (font-wide, so every string of one font has the same height).
public struct TextMetrics: Equatable, Sendable {
    public var width: Double
    public var ascent: Double
    public var descent: Double
    public init(width: Double, ascent: Double, descent: Double) {
        self.width = width; self.ascent = ascent; self.descent = descent
    }
    public var height: Double { ascent + descent }
}
