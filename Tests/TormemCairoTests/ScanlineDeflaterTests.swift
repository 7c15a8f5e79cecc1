import CZlib
import Testing
@testable import TormemCairo

/// Scanlines deflated in parts make one valid zlib stream (header, joined parts, combined Adler-32).
@Suite struct ScanlineDeflaterTests {
    /// Rows like a chart's: runs of a background, a few edges that move from row to row.
    static func row(_ y: Int, rowBytes: Int) -> [UInt8] {
        (0..<rowBytes).map { i in
            i == 0 ? 0 : (i / 3 == (y * 7) % (rowBytes / 3) || i % 997 == y % 997 ? UInt8(truncatingIfNeeded: y &* 31 &+ i) : UInt8(20 + i % 3))
        }
    }

    /// zlib's own inflate of the whole stream, which fails on a wrong checksum.
    func inflate(_ stream: [UInt8], size: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: size + 1)
        var length = uLongf(out.count)
        let status = uncompress(&out, &length, stream, uLong(stream.count))
        try #require(status == Z_OK, "uncompress: \(status)")
        return Array(out[..<Int(length)])
    }

    @Test(arguments: [(1, 10), (7, 1), (300, 6301), (700, 6301), (1500, 6301)])
    func partsInflateToTheRows(rows: Int, rowBytes: Int) throws {
        let stream = try ScanlineDeflater.zlib(rows: rows, rowBytes: rowBytes) { y, line in
            line.update(from: Self.row(y, rowBytes: rowBytes), count: rowBytes)
        }
        #expect(Array(stream.prefix(2)) == [0x78, 0x01])
        let expected = (0..<rows).flatMap { Self.row($0, rowBytes: rowBytes) }
        #expect(try inflate(stream, size: expected.count) == expected)
        let again = try ScanlineDeflater.zlib(rows: rows, rowBytes: rowBytes) { y, line in
            line.update(from: Self.row(y, rowBytes: rowBytes), count: rowBytes)
        }
        #expect(again == stream)
    }

    @Test func partsDependOnTheSizeOnly() {
        #expect(ScanlineDeflater.parts(rows: 200, rowBytes: 901) == 1)
        #expect(ScanlineDeflater.parts(rows: 300, rowBytes: 6301) == 1)  // 1.9 MB
        #expect(ScanlineDeflater.parts(rows: 700, rowBytes: 6301) == 4)  // 4.4 MB
        #expect(ScanlineDeflater.parts(rows: 900, rowBytes: 5401) == 4)  // 4.9 MB: an 1800×900 chart
        #expect(ScanlineDeflater.parts(rows: 1500, rowBytes: 6301) == 8)  // 9.5 MB: a 2100×1500 chart
        #expect(ScanlineDeflater.parts(rows: 5000, rowBytes: 30001) == ScanlineDeflater.maximumParts)
        #expect(ScanlineDeflater.parts(rows: 3, rowBytes: 4_000_001) == 3)  // never more parts than rows
    }

    @Test func partsCostAlmostNothing() throws {
        // The same rows in one part and in eight: the dictionary keeps every match of the whole.
        let rowBytes = 6301, rows = 1500
        let whole = try RowDeflaterTestSupport.onePart(rows: rows, rowBytes: rowBytes) { Self.row($0, rowBytes: rowBytes) }
        let parts = try ScanlineDeflater.zlib(rows: rows, rowBytes: rowBytes) { y, line in
            line.update(from: Self.row(y, rowBytes: rowBytes), count: rowBytes)
        }
        #expect(ScanlineDeflater.parts(rows: rows, rowBytes: rowBytes) == 8)
        #expect(parts.count <= whole.count + 8 * 128, "\(parts.count) bytes in parts, \(whole.count) in one")
    }
}

/// One raw deflate part of all the rows, wrapped as a zlib stream.
enum RowDeflaterTestSupport {
    static func onePart(rows: Int, rowBytes: Int, row: (Int) -> [UInt8]) throws -> [UInt8] {
        var deflater = try RowDeflater(dictionary: UnsafeBufferPointer(start: nil, count: 0), expected: 1 << 16, tuning: .color)
        defer { deflater.end() }
        for y in 0..<rows {
            var bytes = row(y)
            try bytes.withUnsafeMutableBufferPointer { try deflater.append($0.baseAddress!, count: rowBytes) }
        }
        var stream: [UInt8] = [0x78, 0x01] + (try deflater.finish(last: true))
        stream.appendBigEndian(UInt32(deflater.adler))
        return stream
    }
}
