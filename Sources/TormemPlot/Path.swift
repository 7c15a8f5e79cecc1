/// A device-space path: polylines made of move/line/close elements.
public struct Path: Equatable, Sendable {
    public enum Element: Equatable, Sendable {
        case move(Point)
        case line(Point)
        case close
    }

    public private(set) var elements: [Element] = []

    public init() {}

    public init(polyline points: [Point]) {
        elements.reserveCapacity(points.count)
        for (i, p) in points.enumerated() { elements.append(i == 0 ? .move(p) : .line(p)) }
    }

    public init(rect r: Rect) {
        elements = [.move(Point(x: r.minX, y: r.minY)), .line(Point(x: r.maxX, y: r.minY)),
                    .line(Point(x: r.maxX, y: r.maxY)), .line(Point(x: r.minX, y: r.maxY)), .close]
    }

    public static func segment(_ a: Point, _ b: Point) -> Path {
        var p = Path(); p.move(to: a); p.line(to: b); return p
    }

    /// A closed regular polygon approximating a circle (markers).
    public static func circle(center c: Point, radius r: Double, sides: Int = 16) -> Path {
        var p = Path()
        for i in 0..<sides {
            let a = Double(i) / Double(sides) * 2 * Double.pi
            let q = Point(x: c.x + r * cos(a), y: c.y + r * sin(a))
            if i == 0 { p.move(to: q) } else { p.line(to: q) }
        }
        p.close()
        return p
    }

    public mutating func move(to p: Point) { elements.append(.move(p)) }
    public mutating func line(to p: Point) { elements.append(.line(p)) }
    public mutating func close() { elements.append(.close) }
    public mutating func reserve(_ n: Int) { elements.reserveCapacity(n) }
    public var isEmpty: Bool { elements.isEmpty }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
