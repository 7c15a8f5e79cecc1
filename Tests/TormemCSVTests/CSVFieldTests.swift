import Testing
@testable import TormemCSV

@Suite struct CSVFieldTests {
    @Test func emptyAndCount() {
        withField("") { field in
            #expect(field.isEmpty)
            #expect(field.count == 0)
            #expect(field.string == "")
            #expect(field.equals(""))
            #expect(!field.equals("a"))
            #expect(field.int64 == nil)
            #expect(field.double == nil)
        }
        withField("abc") { field in
            #expect(!field.isEmpty)
            #expect(field.count == 3)
        }
    }

    /// Stored bytes (eight at a time, then one by one): equal only to the same length and bytes,
    /// whichever byte differs.
    @Test func equalsStoredBytesAtEveryLength() {
        for n in 0...41 {
            let bytes = (0..<n).map { UInt8(truncatingIfNeeded: 0x41 + $0 * 7) }
            withField(bytes) { field in
                #expect(field.equals(bytes: bytes), "\(n)")
                #expect(!field.equals(bytes: bytes + [0x41]), "\(n) + 1")
                if n > 0 { #expect(!field.equals(bytes: Array(bytes.dropLast())), "\(n) - 1") }
                for i in 0..<n {
                    var other = bytes
                    other[i] ^= 0x20
                    #expect(!field.equals(bytes: other), "\(n), byte \(i)")
                }
            }
        }
    }

    @Test func equalsComparesExactBytes() {
        withField("relay") { field in
            #expect(field.equals("relay"))
            #expect(!field.equals("Relay"))
            #expect(!field.equals("relays"))
            #expect(!field.equals("rela"))
            #expect(!field.equals(""))
        }
        withField("é") { field in
            #expect(field.equals("é"))  // a single-scalar StaticString
        }
    }

    @Test func withBytesExposesTheUnescapedBytes() throws {
        var reader = CSVReader(bytes: Array("\"a\"\"b\",c\n".utf8), name: "t.csv")
        var bytes: [[UInt8]] = []
        try reader.forEachRow { row in
            for field in row { bytes.append(field.withBytes { Array($0) }) }
        }
        #expect(bytes == [Array("a\"b".utf8), Array("c".utf8)])
    }

    @Test func stringRepairsInvalidUTF8() {
        withField([0x61, 0xFF, 0x62]) { field in
            #expect(field.string == "a\u{FFFD}b")
            #expect(!field.isValidUTF8)
        }
        withField([0x61, 0x00, 0x62]) { field in
            #expect(field.string == "a\u{0}b")
            #expect(field.isValidUTF8)
        }
    }

    @Test(arguments: [
        ([], true),
        ([0x41], true),
        ([0xC3, 0xA9], true),  // é
        ([0xE2, 0x82, 0xAC], true),  // €
        ([0xF0, 0x9F, 0x98, 0x80], true),  // 😀
        ([0xF4, 0x8F, 0xBF, 0xBF], true),  // U+10FFFF
        ([0xEF, 0xBB, 0xBF], true),  // BOM as data
        ([0x80], false),  // lone continuation
        ([0xC3], false),  // truncated
        ([0xC0, 0x80], false),  // overlong NUL
        ([0xC1, 0xBF], false),  // overlong
        ([0xE0, 0x80, 0x80], false),  // overlong
        ([0xED, 0xA0, 0x80], false),  // surrogate U+D800
        ([0xF0, 0x80, 0x80, 0x80], false),  // overlong
        ([0xF4, 0x90, 0x80, 0x80], false),  // above U+10FFFF
        ([0xF5, 0x80, 0x80, 0x80], false),
        ([0xE2, 0x82], false),
        ([0xE2, 0x28, 0xA1], false),
        ([0xFF], false),
    ] as [([UInt8], Bool)])
    func utf8Validation(bytes: [UInt8], valid: Bool) {
        withField(bytes) { #expect($0.isValidUTF8 == valid) }
    }

    /// Valid exactly when decoding does not need repairs.
    @Test func utf8ValidationAgreesWithTheStandardLibrary() {
        var rng = SeededGenerator(seed: 7)
        let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
                                    0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...6, using: &rng)
            let bytes = (0..<length).map { _ in
                Bool.random(using: &rng) ? interesting.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
            }
            let expected = Array(String(decoding: bytes, as: UTF8.self).utf8) == bytes
            withField(bytes) { field in
                #expect(field.isValidUTF8 == expected, "\(bytes)")
            }
        }
    }
}
