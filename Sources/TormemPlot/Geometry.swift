/// A point in device space (pixels for PNG, points for SVG/PDF), y grows downwards.
public struct Point: Equatable, Hashable, Sendable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

public struct Size: Equatable, Hashable, Sendable {
    public var width: Double
    public var height: Double
    public init(width: Double, height: Double) { self.width = width; self.height = height }
}

/// An axis-aligned rectangle; layout is plain arithmetic on these.
public struct Rect: Equatable, Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }

    public var minX: Double { x }
    public var minY: Double { y }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var midX: Double { x + width / 2 }
    public var midY: Double { y + height / 2 }

    /// True when the two rectangles share interior area (touching edges do not count).
    public func intersects(_ other: Rect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    public func contains(_ other: Rect, tolerance: Double = 0.5) -> Bool {
        other.minX >= minX - tolerance && other.maxX <= maxX + tolerance
            && other.minY >= minY - tolerance && other.maxY <= maxY + tolerance
    }

    public func inset(top: Double = 0, left: Double = 0, bottom: Double = 0, right: Double = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: max(0, width - left - right), height: max(0, height - top - bottom))
    }

    public func inset(by d: Double) -> Rect { inset(top: d, left: d, bottom: d, right: d) }

    /// The shortest distance between the two rectangles (0 when they touch or overlap).
    public func distance(to other: Rect) -> Double {
        let dx = max(0, max(other.minX - maxX, minX - other.maxX))
        let dy = max(0, max(other.minY - maxY, minY - other.maxY))
        return (dx * dx + dy * dy).squareRoot()
    }

    /// The point of the rectangle nearest to `p` (`p` itself when inside).
    public func nearestPoint(to p: Point) -> Point {
        Point(x: min(max(p.x, minX), maxX), y: min(max(p.y, minY), maxY))
    }

    /// Splits off a band of `amount` from the top; returns (band, rest).
    public func sliceTop(_ amount: Double) -> (Rect, Rect) {
        let a = min(amount, height)
        return (Rect(x: x, y: y, width: width, height: a), Rect(x: x, y: y + a, width: width, height: height - a))
    }

    public func sliceBottom(_ amount: Double) -> (Rect, Rect) {
        let a = min(amount, height)
        return (Rect(x: x, y: maxY - a, width: width, height: a), Rect(x: x, y: y, width: width, height: height - a))
    }

    public func sliceRight(_ amount: Double) -> (Rect, Rect) {
        let a = min(amount, width)
        return (Rect(x: maxX - a, y: y, width: a, height: height), Rect(x: x, y: y, width: width - a, height: height))
    }
}
