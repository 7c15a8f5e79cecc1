import Testing
@testable import TormemCollect

@Suite struct LineReaderTests {
    func lines(_ text: String, limit: Int = 1 << 20, maxLine: Int = 65_536) throws -> ([String], LineReader.Outcome) {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        try tmp.write(text, to: "f")
        var seen: [String] = []
        let outcome = try LineReader.read(tmp.file("f"), limit: limit, maxLine: maxLine) { line, number in
            seen.append("\(number):" + String(decoding: line, as: UTF8.self))
            return true
        }
        return (seen, outcome)
    }

    @Test func linesWithTheirNumbersCRLFAndALastLineWithoutEnd() throws {
        let (seen, outcome) = try lines("a\r\nbb\n\nlast")
        #expect(seen == ["1:a", "2:bb", "3:", "4:last"])
        #expect(outcome.bytes == 11 && !outcome.reachedLimit && outcome.longLines == 0)
    }

    @Test func linesAcrossChunkBoundariesAreWhole() throws {
        let long = String(repeating: "x", count: LineReader.chunkSize - 3)
        let (seen, _) = try lines(long + "\nabcdefgh\n" + long + long + "\nz\n", maxLine: 3 * LineReader.chunkSize)
        #expect(seen.map(\.count) == [2 + long.count, 10, 2 + 2 * long.count, 3])
    }

    @Test func longLinesAreSkippedAndCounted() throws {
        let (seen, outcome) = try lines("a\n" + String(repeating: "y", count: 200_000) + "\nb\n" + String(repeating: "z", count: 100), maxLine: 50)
        #expect(seen == ["1:a", "3:b"])
        #expect(outcome.longLines == 2)
    }

    @Test func readingStopsAtTheLimitAndSaysSo() throws {
        let (seen, outcome) = try lines("one\ntwo\nthree\n", limit: 10)
        #expect(seen == ["1:one", "2:two"])   // "th" is cut by the limit: not given
        #expect(outcome.bytes == 10 && outcome.reachedLimit)
        let (all, exact) = try lines("one\ntwo\n", limit: 8)
        #expect(all == ["1:one", "2:two"] && !exact.reachedLimit)
    }

    @Test func theBodyCanStopEarly() throws {
        let tmp = TempDirectory()
        defer { tmp.remove() }
        try tmp.write("1\n2\n3\n", to: "f")
        var count = 0
        _ = try LineReader.read(tmp.file("f"), limit: 100) { _, n in count += 1; return n < 2 }
        #expect(count == 2)
        #expect(throws: (any Error).self) { try LineReader.read(tmp.file("missing"), limit: 100) { _, _ in true } }
    }
}
