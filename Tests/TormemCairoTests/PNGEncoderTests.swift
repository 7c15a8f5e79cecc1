import Testing
import TormemPlot
@testable import TormemCairo

/// The zlib PNG encoder against cairo's own decoder: same pixels, valid file, deterministic.
@Suite struct PNGEncoderTests {
    func draw(_ canvas: CairoCanvas, opaque: Bool) {
        if opaque { canvas.fill(Rect(x: 0, y: 0, width: 300, height: 200), color: Color(hex: "#0d1117")!) }
        canvas.fill(Path.circle(center: Point(x: 150, y: 100), radius: 70, sides: 40), color: Color(red: 0, green: 0.8, blue: 0.6, alpha: 0.5))
        canvas.stroke(Path(polyline: [Point(x: 10, y: 190), Point(x: 290, y: 10)]), style: StrokeStyle(color: Color(hex: "#ff7b72")!, width: 3))
        var e = ColumnEnvelope()
        for c in 0..<200 { e.x.append(Double(c) + 50.5); e.top.append(120 + Double(c % 17)); e.bottom.append(150 + Double(c % 5) + 0.3) }
        canvas.fillColumns(e, halfWidth: 0.75, color: Color(hex: "#58a6ff")!)
    }

    @Test(arguments: [true, false])
    func decodesToTheDrawnPixels(opaque: Bool) throws {
        let bytes = try CairoRenderer.render(size: Size(width: 300, height: 200), format: .png) { draw($0, opaque: opaque) }
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
        let image = try CairoRenderer.decodePNG(bytes)
        #expect(image.width == 300 && image.height == 200)
        // Color type: RGB when opaque, RGBA otherwise (IHDR byte 25).
        #expect(bytes[25] == (opaque ? 2 : 6))
        // The same drawing through cairo's own PNG writer decodes to the same pixels (alpha images
        // within rounding of un-premultiplying).
        let reference = try CairoRenderer.referencePNG(size: Size(width: 300, height: 200)) { draw($0, opaque: opaque) }
        let ref = try CairoRenderer.decodePNG(reference)
        var worst = 0
        for i in image.argb.indices {
            for shift in stride(from: 0, to: 32, by: 8) {
                worst = max(worst, abs(Int((image.argb[i] >> UInt32(shift)) & 0xff) - Int((ref.argb[i] >> UInt32(shift)) & 0xff)))
            }
        }
        #expect(worst <= (opaque ? 0 : 1))
        let again = try CairoRenderer.render(size: Size(width: 300, height: 200), format: .png) { draw($0, opaque: opaque) }
        #expect(again == bytes)
    }

    @Test func maskedColumnsMatchThePolygonFill() throws {
        // fillColumns on an image surface (coverage mask) against the outline polygon on a vector path.
        var e = ColumnEnvelope()
        for c in 0..<250 { e.x.append(Double(c) + 20.5); e.top.append(40 + 30 * sin(Double(c) / 9)); e.bottom.append(140 + 20 * cos(Double(c) / 7)) }
        let size = Size(width: 300, height: 200)
        let masked = try CairoRenderer.decodePNG(try CairoRenderer.render(size: size, format: .png) { c in
            c.fill(Rect(x: 0, y: 0, width: 300, height: 200), color: Color(hex: "#000000")!)
            c.fillColumns(e, halfWidth: 0, color: Color(hex: "#ffffff")!)
        })
        let polygon = try CairoRenderer.decodePNG(try CairoRenderer.render(size: size, format: .png) { c in
            c.fill(Rect(x: 0, y: 0, width: 300, height: 200), color: Color(hex: "#000000")!)
            c.fill(e.outline(), color: Color(hex: "#ffffff")!)
        })
        // Interiors agree exactly; only antialiased edge pixels may differ, and only slightly overall.
        var differing = 0
        for i in masked.argb.indices where abs(Int(masked.argb[i] & 0xff) - Int(polygon.argb[i] & 0xff)) > 64 { differing += 1 }
        #expect(differing < 250 * 2, "\(differing) pixels differ")
    }
}

import Foundation
