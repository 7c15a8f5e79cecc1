import TormemCairo
import TormemPlot

/// A `Canvas` without pixels: records every call so tests can inspect what a chart drew.
/// Text is measured by `CairoTextMeasurer`, so recorded boxes equal the rendered ones.
public final class RecordingCanvas: Canvas {
    /// One recorded call.
    public enum Operation: Equatable, Sendable {
        case fill(Path, Color)
        case stroke(Path, StrokeStyle)
        /// The text and the box it occupies (as `TextItem.box` computes it from real metrics).
        case text(TextItem, box: Rect)
        case pushClip(Rect)
        case popClip
    }

    /// A drawn text with its box.
    public struct RecordedText: Equatable, Sendable {
        public var item: TextItem
        public var box: Rect
        public init(item: TextItem, box: Rect) { self.item = item; self.box = box }
    }

    public let size: Size
    public private(set) var operations: [Operation] = []
    /// What the drawing said its parts are for (plot areas, callouts, axis labels), in order.
    public private(set) var annotations: [Annotation] = []
    private let measurer: CairoTextMeasurer

    public init(size: Size, measurer: CairoTextMeasurer = .shared) {
        self.size = size
        self.measurer = measurer
    }

    // MARK: Canvas

    public func measure(_ text: String, font: Font) -> TextMetrics { measurer.measure(text, font: font) }
    public func fill(_ path: Path, color: Color) { operations.append(.fill(path, color)) }
    public func stroke(_ path: Path, style: StrokeStyle) { operations.append(.stroke(path, style)) }
    public func drawText(_ item: TextItem) { operations.append(.text(item, box: box(of: item))) }
    public func pushClip(_ rect: Rect) { operations.append(.pushClip(rect)) }
    public func popClip() { operations.append(.popClip) }
    public func annotate(_ annotation: Annotation) { annotations.append(annotation) }

    // MARK: Queries

    /// The canvas as a rectangle at the origin.
    public var bounds: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

    /// Every drawn text with its box, in drawing order.
    public var texts: [RecordedText] {
        operations.compactMap { if case .text(let item, let box) = $0 { RecordedText(item: item, box: box) } else { nil } }
    }

    /// The strings drawn, in drawing order.
    public var strings: [String] { texts.map(\.item.text) }

    public var fills: [(path: Path, color: Color)] {
        operations.compactMap { if case .fill(let p, let c) = $0 { (p, c) } else { nil } }
    }

    public var strokes: [(path: Path, style: StrokeStyle)] {
        operations.compactMap { if case .stroke(let p, let s) = $0 { (p, s) } else { nil } }
    }

    /// True when every `pushClip` has a matching `popClip` and no `popClip` comes unmatched.
    public var clipsBalanced: Bool {
        var depth = 0
        for op in operations {
            if case .pushClip = op { depth += 1 }
            if case .popClip = op { depth -= 1; if depth < 0 { return false } }
        }
        return depth == 0
    }

    /// Every pair of drawn texts whose boxes share interior area (after shrinking each box by
    /// `tolerance` on all sides), in drawing order. Texts that draw nothing (empty or only
    /// whitespace) are ignored.
    public func overlappingTexts(tolerance: Double = 0) -> [(TextItem, TextItem)] {
        let visible = texts.filter { !$0.item.text.allSatisfy(\.isWhitespace) }
        var pairs: [(TextItem, TextItem)] = []
        for i in visible.indices {
            let a = visible[i].box.inset(by: tolerance)
            for j in visible.indices where j > i {
                if a.intersects(visible[j].box.inset(by: tolerance)) { pairs.append((visible[i].item, visible[j].item)) }
            }
        }
        return pairs
    }

    /// Drawn texts whose box is not inside the canvas (`tolerance` of slack on each side).
    public func textsOutsideCanvas(tolerance: Double = 0.5) -> [RecordedText] {
        texts.filter { !$0.item.text.allSatisfy(\.isWhitespace) && !bounds.contains($0.box, tolerance: tolerance) }
    }
}
