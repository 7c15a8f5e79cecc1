import Testing
@testable import TormemCSV

/// Random grids serialized RFC 4180 style (with comments and blank lines mixed in) must
/// parse back to the same fields, line numbers and comments, whatever the read size.
@Suite struct CSVReaderRoundTripTests {
    static let pieces = [
        "a", "b", "Z", "1", "-2.5", " ", "\t", ",", "\"", "\n", "\r", "\r\n", "é", "😀", "#", "\u{0}", "x y",
        "NOT_RUNNING", "\u{FEFF}",
    ]

    static func randomField(_ rng: inout SeededGenerator) -> String {
        (0..<Int.random(in: 0...4, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }

    /// Quote when needed (and sometimes when not).
    static func serialize(_ field: String, first: Bool, alone: Bool, _ rng: inout SeededGenerator) -> String {
        let special = field.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        let startsComment = first && field.hasPrefix("#")
        let blank = alone && field.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 }
        let startsWithBOM = first && field.utf8.starts(with: [0xEF, 0xBB, 0xBF])
        if special || startsComment || blank || startsWithBOM || Int.random(in: 0..<8, using: &rng) == 0 {
            return "\"" + field.replacing("\"", with: "\"\"") + "\""
        }
        return field
    }

    @Test func randomGridsRoundTrip() throws {
        var rng = SeededGenerator(seed: 2024)
        for _ in 0..<3_000 {
            var text = ""
            var expected = Parsed()
            var line = 1
            func append(_ s: String) {
                text += s
                line += s.utf8.count { $0 == 0x0A }
            }
            let rows = Int.random(in: 0...8, using: &rng)
            for r in 0..<rows {
                let ending = Bool.random(using: &rng) ? "\n" : "\r\n"
                switch Int.random(in: 0..<10, using: &rng) {
                case 0:
                    let comment = "c" + Self.randomField(&rng).filter { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
                    expected.comments.append(Comment(line: line, text: comment))
                    append("#" + comment + ending)
                case 1:
                    append([" ", "", "\t", "  \t"].randomElement(using: &rng)! + ending)
                default:
                    let fields = (0..<Int.random(in: 1...6, using: &rng)).map { _ in Self.randomField(&rng) }
                    expected.records.append(Record(line: line, fields))
                    let serialized = fields.enumerated().map {
                        Self.serialize($0.element, first: $0.offset == 0, alone: fields.count == 1, &rng)
                    }
                    let last = r == rows - 1 && Bool.random(using: &rng)
                    append(serialized.joined(separator: ",") + (last ? "" : ending))
                }
            }
            let bytes = Array(text.utf8)
            let chunk = [1, 2, 3, 5, 16, 64, 100, 1 << 16].randomElement(using: &rng)!
            let parsed = try parse(bytes, chunkSize: chunk)
            #expect(parsed == expected, "chunk \(chunk): \(String(reflecting: text))")
            if parsed != expected { return }
        }
    }
}
