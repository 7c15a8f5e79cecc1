import Testing
@testable import TormemCSV

@Suite struct CSVFieldNumbersTests {
    @Test(arguments: [
        ("0", 0), ("42", 42), ("-7", -7), ("+7", 7), ("-0", 0), ("007", 7),
        (" 12", 12), ("12 ", 12), ("  -3\t", -3),
        ("9223372036854775807", Int64.max), ("-9223372036854775808", Int64.min),
        ("000000000000000000000000001", 1),
        ("123456789012345678", 123_456_789_012_345_678),
        ("-999999999999999999", -999_999_999_999_999_999),
    ] as [(String, Int64)])
    func int64Accepts(text: String, value: Int64) {
        withField(text) { #expect($0.int64 == value) }
    }

    @Test(arguments: [
        "", " ", "+", "-", "- 1", "1 2", "1e3", "1.0", "1.", ".5", "abc", "12abc", "abc12", "0x10",
        "9223372036854775808", "-9223372036854775809", "99999999999999999999", "1_000", "١",
        "nan", "inf", "--1", "+-1", "1-",
    ])
    func int64Rejects(text: String) {
        withField(text) { #expect($0.int64 == nil) }
    }

    @Test func int64OfNulAndInvalidBytes() {
        withField([0x31, 0x00]) { #expect($0.int64 == nil) }
        withField([0xFF]) { #expect($0.int64 == nil) }
    }

    @Test(arguments: [
        ("0", 0), ("1", 1), ("-1.5", -1.5), ("+2.25", 2.25), ("1e3", 1000), ("1E3", 1000),
        ("1e+3", 1000), ("2.5e-3", 0.0025), (".5", 0.5), ("5.", 5), ("-.5", -0.5), ("0.1", 0.1),
        (" 9.80 ", 9.8), ("\t3", 3), ("1e-400", 0), ("123456789012345678901234567890", 1.2345678901234568e29),
        ("1.7976931348623157e308", 1.7976931348623157e308), ("4.9e-324", .leastNonzeroMagnitude),
        ("0.000000000000000000000000000001", 1e-30), ("007.50", 7.5),
    ] as [(String, Double)])
    func doubleAccepts(text: String, value: Double) {
        withField(text) { #expect($0.double == value) }
    }

    @Test func doubleNegativeZero() {
        for text in ["-0", "-0.0", "-0e10", "-.0"] {
            withField(text) { field in
                #expect(field.double == 0)
                #expect(field.double?.sign == .minus, "\(text)")
            }
        }
        withField("0") { #expect($0.double?.sign == .plus) }
    }

    @Test(arguments: [
        "", " ", ".", "-", "+", "-.", "e3", ".e3", "1e", "1e+", "1e-", "1.2.3", "1e3.5", "1 2",
        "nan", "NaN", "inf", "-inf", "Infinity", "abc", "12abc", "0x1p3", "0x10", "1,5", "1_0",
        "1e400", "-1e400", "1.8e308", "++1", "1d", "1f",
    ])
    func doubleRejects(text: String) {
        withField(text) { #expect($0.double == nil) }
    }

    /// For every input the grammar accepts, the fast path must equal `Double(String)`.
    @Test func doubleAgreesWithTheStandardLibrary() {
        var rng = SeededGenerator(seed: 42)
        func digits(_ range: ClosedRange<Int>) -> String {
            String((0..<Int.random(in: range, using: &rng)).map { _ in
                Character(String(Int.random(in: 0...9, using: &rng)))
            })
        }
        var checked = 0
        for _ in 0..<30_000 {
            var text = ["", "-", "+"].randomElement(using: &rng)!
            text += digits(0...22)
            if Bool.random(using: &rng) { text += "." + digits(0...22) }
            if Int.random(in: 0..<3, using: &rng) == 0 {
                text += ["e", "E", "e-", "e+"].randomElement(using: &rng)! + String(Int.random(in: 0...330, using: &rng))
            }
            let expected = Double(text).flatMap { $0.isFinite ? $0 : nil }
            withField(text) { field in
                let got = field.double
                #expect(got?.bitPattern == expected?.bitPattern, "\(text)")
            }
            if expected != nil { checked += 1 }
        }
        #expect(checked > 15_000)
    }

    /// Shortest round-trip descriptions of random doubles parse back to the same bits.
    @Test func doubleRoundTripsDescriptions() {
        var rng = SeededGenerator(seed: 99)
        for _ in 0..<20_000 {
            let value = Double(bitPattern: rng.next())
            guard value.isFinite else { continue }
            let text = value.description
            withField(text) { #expect($0.double?.bitPattern == value.bitPattern, "\(text)") }
            let plain = String(Double(Int.random(in: -1_000_000...1_000_000, using: &rng)) / 100)
            withField(plain) { #expect($0.double == Double(plain), "\(plain)") }
        }
    }
}
