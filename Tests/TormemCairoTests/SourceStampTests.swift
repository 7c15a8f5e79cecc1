import Testing
import TormemPlot
@testable import TormemCairo

/// The source stamp goes into every format's metadata and is read back unchanged.
@Suite struct SourceStampTests {
    let stamp = "sha256:" + String(repeating: "0123456789abcdef", count: 4)

    @Test(arguments: OutputFormat.allCases)
    func everyFormatKeepsTheStamp(_ format: OutputFormat) throws {
        let bytes = try CairoRenderer.render(size: sampleSize, format: format, source: stamp, draw: sampleDrawing)
        #expect(SourceStamp.read(bytes) == stamp)
        let plain = try CairoRenderer.render(size: sampleSize, format: format, draw: sampleDrawing)
        #expect(SourceStamp.read(plain) == nil)
        // Deterministic, and the drawing itself is untouched.
        #expect(try CairoRenderer.render(size: sampleSize, format: format, source: stamp, draw: sampleDrawing) == bytes)
        if format == .png { #expect(try CairoRenderer.decodePNG(bytes) == CairoRenderer.decodePNG(plain)) }
    }

    @Test func svgCommentFollowsTheXMLDeclaration() throws {
        let svg = String(decoding: try CairoRenderer.render(size: sampleSize, format: .svg, source: stamp, draw: sampleDrawing), as: UTF8.self)
        let lines = svg.split(separator: "\n", maxSplits: 2)
        #expect(lines[0].hasPrefix("<?xml"))
        #expect(lines[1] == "<!-- tormem:source \(stamp) -->")
    }

    @Test func aReencodedPNGKeepsTheStampOnlyWithItsTextChunk() throws {
        let bytes = try CairoRenderer.render(size: sampleSize, format: .png, source: stamp, draw: sampleDrawing)
        let kept = try CairoRenderer.reencodePNG(bytes)
        #expect(kept != bytes)
        #expect(SourceStamp.read(kept) == stamp)
        #expect(try CairoRenderer.decodePNG(kept) == CairoRenderer.decodePNG(bytes))
        #expect(SourceStamp.read(try CairoRenderer.reencodePNG(bytes, keepingText: false)) == nil)
    }

    @Test func compressedPDFObjectsAreSearchedToo() throws {
        // What a newer cairo (object streams) or a PDF optimiser does: the keywords deflated.
        let text = Array("<< /Keywords (tormem:source=\(stamp)) >>".utf8)
        let deflated = try ScanlineDeflater.zlib(rows: 1, rowBytes: text.count) { _, line in line.update(from: text, count: text.count) }
        let pdf = Array("%PDF-1.5\n1 0 obj\n<< /Type /ObjStm /Filter /FlateDecode >>\nstream\n".utf8) + deflated
            + Array("\nendstream\nendobj\n%%EOF\n".utf8)
        #expect(SourceStamp.read(pdf) == stamp)
    }

    @Test func onlyPlainValuesAreStamps() {
        #expect(SourceStamp.isValid(stamp))
        #expect(!SourceStamp.isValid(""))
        #expect(!SourceStamp.isValid("a b"))
        #expect(!SourceStamp.isValid("x-->"))
    }
}

extension SourceStampTests {
    /// The PNG text chunk ends where its length says: a CRC of letters and digits after it is not
    /// part of the value (every stamp from 0 to 299 is read back exactly).
    @Test func pngStampEndsWithItsChunk() throws {
        for i in 0..<300 {
            let value = "sha256:" + String(i, radix: 16)
            let bytes = try CairoRenderer.render(size: Size(width: 4, height: 4), format: .png, source: value) { _ in }
            #expect(SourceStamp.read(bytes) == value)
        }
    }
}
