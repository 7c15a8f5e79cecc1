import Foundation
import Testing
@testable import TormemCairo
import TormemPlot

@Suite("CairoRenderer")
struct RendererTests {
    @Test("same drawing gives identical bytes", arguments: OutputFormat.allCases)
    func deterministic(format: OutputFormat) throws {
        let a = try CairoRenderer.render(size: sampleSize, format: format, draw: sampleDrawing)
        // Render something else in between so process-wide counters advance.
        _ = try CairoRenderer.render(size: Size(width: 50, height: 40), format: format) { c in
            c.pushClip(Rect(x: 1, y: 1, width: 20, height: 20))
            c.drawText(TextItem("x", at: Point(x: 5, y: 15), font: Font(size: 9), color: black))
            c.popClip()
        }
        let b = try CairoRenderer.render(size: sampleSize, format: format, draw: sampleDrawing)
        #expect(!a.isEmpty)
        #expect(a == b)
    }

    @Test("concurrent renders are identical", arguments: OutputFormat.allCases)
    func concurrent(format: OutputFormat) async throws {
        let reference = try CairoRenderer.render(size: sampleSize, format: format, draw: sampleDrawing)
        let results = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<8 {
                group.addTask { try CairoRenderer.render(size: sampleSize, format: format, draw: sampleDrawing) }
            }
            return try await group.reduce(into: [[UInt8]]()) { $0.append($1) }
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == reference })
    }

    @Test func pngHeaderAndSize() throws {
        let bytes = try CairoRenderer.render(size: Size(width: 123, height: 45), format: .png) { c in
            c.fill(Rect(x: 0, y: 0, width: 123, height: 45), color: white)
        }
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        // IHDR width and height, big endian, at bytes 16...23.
        let be = { (o: Int) in bytes[o..<o + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(be(16) == 123)
        #expect(be(20) == 45)
        let image = try CairoRenderer.decodePNG(bytes)
        #expect(image.width == 123 && image.height == 45)
        #expect(image[0, 0] == 0xffff_ffff)
        #expect(image[122, 44] == 0xffff_ffff)
    }

    @Test func fractionalSizeRoundsUpForPNG() throws {
        let image = try CairoRenderer.decodePNG(try CairoRenderer.render(size: Size(width: 10.2, height: 7), format: .png) { _ in })
        #expect(image.width == 11 && image.height == 7)
        #expect(image.argb.allSatisfy { $0 == 0 }) // starts transparent
    }

    @Test func svgHeaderAndSize() throws {
        let svg = string(try CairoRenderer.render(size: Size(width: 640, height: 480), format: .svg, draw: sampleDrawing))
        #expect(svg.hasPrefix("<?xml"))
        #expect(svg.contains("<svg"))
        #expect(svg.contains("width=\"640\" height=\"480\""))
        #expect(svg.contains("viewBox=\"0 0 640 480\""))
        #expect(svg.contains("<g id=\"surface1\">"))
        #expect(svg.hasSuffix("</svg>\n"))
    }

    @Test func pdfHasOnePageAndNoTimestamps() throws {
        let bytes = try CairoRenderer.render(size: Size(width: 640, height: 480), format: .pdf, draw: sampleDrawing)
        let text = String(decoding: bytes, as: Unicode.ASCII.self)
        #expect(text.hasPrefix("%PDF-"))
        #expect(text.contains("/MediaBox [ 0 0 640 480 ]"))
        let pageObjects = text.components(separatedBy: "/Type /Page").count - text.components(separatedBy: "/Type /Pages").count
        #expect(pageObjects == 1)
        #expect(text.contains("/Count 1"))
        #expect(!text.contains("/CreationDate"))
        #expect(!text.contains("/ModDate"))
        #expect(text.contains("/Creator (tormem)"))
        #expect(text.hasSuffix("%%EOF\n"))
    }

    @Test("invalid sizes throw", arguments: [Size(width: 0, height: 10), Size(width: 10, height: -1),
                                               Size(width: .nan, height: 10), Size(width: 40_000, height: 10)])
    func invalidSize(size: Size) {
        #expect(throws: CairoError.self) { try CairoRenderer.render(size: size, format: .png) { _ in } }
    }

    @Test func errorMessageIsLowercase() {
        do {
            _ = try CairoRenderer.render(size: Size(width: 0, height: 0), format: .svg) { _ in }
            Issue.record("expected an error")
        } catch let error as CairoError {
            #expect(error.message == error.message.lowercased())
            #expect(error.localizedDescription == error.message)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    struct Boom: Error {}

    @Test("errors from draw propagate", arguments: OutputFormat.allCases)
    func drawErrorPropagates(format: OutputFormat) {
        #expect(throws: Boom.self) { try CairoRenderer.render(size: sampleSize, format: format) { _ in throw Boom() } }
    }

    @Test func hostileInputDoesNotBreakTheContext() throws {
        // Invalid dashes, zero font sizes, NaN points and unbalanced pops would put a raw cairo
        // context into a permanent error state; the canvas must shrug them off and keep drawing.
        let bytes = try CairoRenderer.render(size: Size(width: 40, height: 40), format: .png) { c in
            c.popClip()
            c.stroke(Path.segment(Point(x: 0, y: 0), Point(x: 10, y: 10)), style: StrokeStyle(color: black, dash: [0, 0]))
            c.stroke(Path.segment(Point(x: 0, y: 0), Point(x: 10, y: 10)), style: StrokeStyle(color: black, dash: [-1, 2]))
            c.drawText(TextItem("x", at: Point(x: 5, y: 5), font: Font(size: 0), color: black))
            c.drawText(TextItem("x", at: Point(x: .nan, y: 5), font: Font(size: 10), color: black))
            c.fill(Path(polyline: [Point(x: .nan, y: 0), Point(x: .infinity, y: 3)]), color: black)
            c.pushClip(Rect(x: .nan, y: 0, width: 5, height: 5))
            c.fill(Rect(x: 0, y: 0, width: 40, height: 40), color: white)
            c.popClip()
            c.fill(Rect(x: 30, y: 30, width: 10, height: 10), color: white)
        }
        let image = try CairoRenderer.decodePNG(bytes)
        #expect(image[35, 35] == 0xffff_ffff)
        #expect(image[2, 30] == 0) // the NaN clip clipped everything away
    }

    @Test func nonFinitePointsSplitThePath() throws {
        let bytes = try CairoRenderer.render(size: Size(width: 40, height: 20), format: .png) { c in
            c.fill(Rect(x: 0, y: 0, width: 40, height: 20), color: black)
            c.stroke(Path(polyline: [Point(x: 2, y: 10), Point(x: 12, y: 10), Point(x: .nan, y: 10),
                                     Point(x: 28, y: 10), Point(x: 38, y: 10)]),
                     style: StrokeStyle(color: white, width: 2))
        }
        let image = try CairoRenderer.decodePNG(bytes)
        #expect(isInked(image[7, 10]))
        #expect(isInked(image[33, 10]))
        #expect(!isInked(image[20, 10])) // no segment across the gap
    }

    @Test func clipRestrictsDrawing() throws {
        let bytes = try CairoRenderer.render(size: Size(width: 100, height: 100), format: .png) { c in
            c.fill(Rect(x: 0, y: 0, width: 100, height: 100), color: black)
            c.pushClip(Rect(x: 20, y: 20, width: 30, height: 30))
            c.fill(Rect(x: 0, y: 0, width: 100, height: 100), color: white)
            c.stroke(Path.segment(Point(x: 0, y: 80), Point(x: 100, y: 80)), style: StrokeStyle(color: white, width: 4))
            c.drawText(TextItem("outside", at: Point(x: 55, y: 70), font: Font(size: 12), color: white))
            c.popClip()
            c.fill(Rect(x: 90, y: 90, width: 10, height: 10), color: white) // clip is gone again
        }
        let image = try CairoRenderer.decodePNG(bytes)
        for y in 0..<100 {
            for x in 0..<100 {
                let inside = (20..<50).contains(x) && (20..<50).contains(y)
                let after = x >= 90 && y >= 90
                #expect(isInked(image[x, y]) == (inside || after), "pixel \(x),\(y)")
                if isInked(image[x, y]) != (inside || after) { return }
            }
        }
    }

    @Test func nestedClipsIntersect() throws {
        let bytes = try CairoRenderer.render(size: Size(width: 60, height: 60), format: .png) { c in
            c.pushClip(Rect(x: 0, y: 0, width: 40, height: 40))
            c.pushClip(Rect(x: 20, y: 20, width: 40, height: 40))
            c.fill(Rect(x: 0, y: 0, width: 60, height: 60), color: white)
            c.popClip()
            c.popClip()
        }
        let image = try CairoRenderer.decodePNG(bytes)
        #expect(inkBounds(image)! == (20, 20, 39, 39))
    }

    @Test func strokeUsesRoundCapsAndDashes() throws {
        let bytes = try CairoRenderer.render(size: Size(width: 60, height: 20), format: .png) { c in
            c.stroke(Path.segment(Point(x: 10, y: 10), Point(x: 50, y: 10)), style: StrokeStyle(color: white, width: 6, dash: [10, 10]))
        }
        let image = try CairoRenderer.decodePNG(bytes)
        #expect(isInked(image[8, 10]))   // round cap reaches past the start
        #expect(isInked(image[15, 10]))  // first dash
        #expect(!isInked(image[25, 10])) // gap (dash 10...20 plus 3 px caps ends at 23)
        #expect(isInked(image[35, 10]))  // second dash
    }
}

@Suite("SVG id normalisation")
struct SVGNormalizationTests {
    @Test func svgIDsDoNotDependOnProcessCounters() throws {
        let first = string(try CairoRenderer.render(size: sampleSize, format: .svg, draw: sampleDrawing))
        for _ in 0..<3 { _ = try CairoRenderer.render(size: sampleSize, format: .png, draw: sampleDrawing) }
        let second = string(try CairoRenderer.render(size: sampleSize, format: .svg, draw: sampleDrawing))
        #expect(first == second)
        #expect(first.contains("clip-path=\"url(#clip1)\""))
        #expect(first.contains("<clipPath id=\"clip1\">"))
        #expect(first.contains("xlink:href=\"#glyph0-1\""))
    }

    @Test func renumbersFamiliesConsistently() throws {
        let svg = string(try CairoRenderer.render(size: sampleSize, format: .svg, draw: sampleDrawing))
        // Every reference must point at a definition.
        let defined = Set(matches(of: "id=\"", in: svg))
        let referenced = Set(matches(of: "#", terminators: "\")", in: svg))
        #expect(!referenced.isEmpty)
        #expect(referenced.isSubset(of: defined))
    }

    private func matches(of prefix: String, terminators: String = "\"", in s: String) -> [String] {
        var result: [String] = []
        var rest = Substring(s)
        while let r = rest.range(of: prefix) {
            let after = rest[r.upperBound...]
            let name = after.prefix { !terminators.contains($0) && $0 != " " && $0 != "\n" }
            if !name.isEmpty, name.first!.isLetter { result.append(String(name)) }
            rest = after
        }
        return result
    }
}

@Suite("SVGIDNormalizer")
struct SVGIDNormalizerUnitTests {
    @Test func renumbersInOrderOfFirstAppearance() {
        let input = """
        <defs><clipPath id="clip7"><path/></clipPath><clipPath id="clip3"/><symbol id="glyph2-5"/></defs>
        <g id="surface42"><g clip-path="url(#clip7)"><use xlink:href="#glyph2-5"/></g>
        <g clip-path="url(#clip3)"/><use xlink:href="#surface42"/><a href="#ff0000"/></g>
        """
        let output = string(SVGIDNormalizer.normalize(Array(input.utf8)))
        #expect(output == """
        <defs><clipPath id="clip1"><path/></clipPath><clipPath id="clip2"/><symbol id="glyph2-5"/></defs>
        <g id="surface1"><g clip-path="url(#clip1)"><use xlink:href="#glyph2-5"/></g>
        <g clip-path="url(#clip2)"/><use xlink:href="#surface1"/><a href="#ff0000"/></g>
        """)
    }

    @Test func swappedNumbersMapToTheSameOutput() {
        let a = ##"<g id="surface1"/><g id="surface11"/><use href="#surface11"/>"##
        let b = ##"<g id="surface11"/><g id="surface1"/><use href="#surface1"/>"##
        #expect(SVGIDNormalizer.normalize(Array(a.utf8)) == SVGIDNormalizer.normalize(Array(b.utf8)))
        #expect(string(SVGIDNormalizer.normalize(Array(a.utf8))) == ##"<g id="surface1"/><g id="surface2"/><use href="#surface2"/>"##)
    }

    @Test func leavesDocumentsWithoutIDsAlone() {
        let input = Array(##"<svg><rect fill="#123456"/></svg>"##.utf8)
        #expect(SVGIDNormalizer.normalize(input) == input)
        #expect(SVGIDNormalizer.normalize([]) == [])
    }
}
