import TormemCairo
import TormemPlot
import TormemCore

let white = Color(red: 1, green: 1, blue: 1)
let black = Color(red: 0, green: 0, blue: 0)

/// A drawing exercising every canvas call: fills, dashed and solid strokes, clipped content and
/// text with every anchor and rotation.
func sampleDrawing(_ c: Canvas) {
    c.fill(Rect(x: 0, y: 0, width: c.size.width, height: c.size.height), color: white)
    c.fill(Path.circle(center: Point(x: 60, y: 60), radius: 30), color: Color(hex: "#3366cc")!.withAlpha(0.7))
    c.stroke(Path(polyline: [Point(x: 10, y: 150), Point(x: 80, y: 100), Point(x: 150, y: 170), Point(x: 220, y: 90)]),
             style: StrokeStyle(color: Color(hex: "#cc3333")!, width: 2.5))
    c.stroke(Path.segment(Point(x: 10, y: 190.5), Point(x: 290, y: 190.5)),
             style: StrokeStyle(color: black, width: 1, dash: [4, 2]))
    c.pushClip(Rect(x: 150, y: 20, width: 100, height: 50))
    c.fill(Rect(x: 100, y: 0, width: 300, height: 300), color: Color(red: 0.2, green: 0.7, blue: 0.3, alpha: 0.5))
    c.drawText(TextItem("clipped text here", at: Point(x: 140, y: 50), font: Font(size: 14), color: black))
    c.popClip()
    for turns in 0..<4 {
        c.drawText(TextItem("Turn \(turns) Hxg", at: Point(x: 200, y: 130), font: Font(size: 11, weight: turns % 2 == 0 ? .regular : .bold),
                            color: black, horizontal: .center, vertical: .middle, quarterTurns: turns))
    }
    c.drawText(TextItem("Memory (MiB)", at: Point(x: 15, y: 120), font: Font(size: 12), color: black,
                        horizontal: .center, vertical: .top, quarterTurns: 1))
    c.drawText(TextItem("right/bottom", at: Point(x: 295, y: 185), font: Font(size: 10), color: black,
                        horizontal: .right, vertical: .bottom))
}

let sampleSize = Size(width: 300, height: 200)

/// Inked pixels (any colour channel above `threshold`) of a decoded image as a bounding box,
/// or nil when nothing is inked.
func inkBounds(_ image: DecodedImage, threshold: UInt32 = 0) -> (minX: Int, minY: Int, maxX: Int, maxY: Int)? {
    var minX = Int.max, minY = Int.max, maxX = Int.min, maxY = Int.min
    for y in 0..<image.height {
        for x in 0..<image.width where isInked(image[x, y], threshold: threshold) {
            minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
        }
    }
    return minX == Int.max ? nil : (minX, minY, maxX, maxY)
}

func isInked(_ argb: UInt32, threshold: UInt32 = 0) -> Bool {
    ((argb >> 16) & 0xff) > threshold || ((argb >> 8) & 0xff) > threshold || (argb & 0xff) > threshold
}

func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
