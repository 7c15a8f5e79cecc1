import Testing
@testable import TormemCSV

@Suite struct StructuralIndexTests {
    /// The masks mark exactly the `,`, `\n` and `"` bytes, on every implementation.
    @Test func masksMarkStructuralBytes() {
        var rng = SeededGenerator(seed: 3)
        let alphabet: [UInt8] = [0x2C, 0x0A, 0x22, 0x0D, 0x00, 0x61, 0xFF, 0x80, 0x2B, 0x0B, 0x21, 0x23]
        for _ in 0..<2_000 {
            let block = (0..<64).map { _ in alphabet.randomElement(using: &rng)! }
            var expected: (UInt64, UInt64, UInt64) = (0, 0, 0)
            for (i, byte) in block.enumerated() {
                if byte == 0x2C { expected.0 |= 1 << UInt64(i) }
                if byte == 0x0A { expected.1 |= 1 << UInt64(i) }
                if byte == 0x22 { expected.2 |= 1 << UInt64(i) }
            }
            block.withUnsafeBufferPointer { p in
                let portable = structuralMasksPortable(p.baseAddress!)
                #expect(portable == expected)
                let native = structuralMasks(p.baseAddress!)
                #expect(native == expected)
            }
        }
    }

    @Test func nextSeparatorAndNextQuote() {
        var text = String(repeating: "x", count: 70) + ",y\n" + String(repeating: "a\n", count: 40) + "\"tail"
        text += String(repeating: "z", count: 10)
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { p in
            let base = p.baseAddress!
            var index = StructuralIndex()
            #expect(index.nextSeparator(base, from: 0, end: bytes.count) == 70)
            #expect(index.nextSeparator(base, from: 71, end: bytes.count) == 72)
            #expect(index.nextSeparator(base, from: 70, end: 70) == 70)
            let quote = index.nextQuote(base, from: 0, end: bytes.count)
            #expect(quote.position == 73 + 80)
            #expect(quote.newlines == 41)
            let none = index.nextQuote(base, from: 154, end: bytes.count)
            #expect(none.position == bytes.count)
            #expect(none.newlines == 0)
            index.reset()
            #expect(index.nextSeparator(base, from: 154, end: bytes.count) == bytes.count)
        }
    }
}
