/// JSON text (RFC 8259, UTF-8) read without Foundation (the collector needs no Foundation): the value,
/// or where the text stops being JSON — the line and column (1-based, counted in characters) of the
/// first byte that cannot be JSON, and what was expected there.
public enum JSONParser {
    public indirect enum Value: Equatable, Sendable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([Value])
        case object([String: Value])

        public var string: String? { if case .string(let s) = self { return s } else { return nil } }
        public var object: [String: Value]? { if case .object(let o) = self { return o } else { return nil } }
        public var array: [Value]? { if case .array(let a) = self { return a } else { return nil } }
    }

    public struct Problem: Error, Equatable, Sendable {
        public var line: Int
        public var column: Int
        public var expected: String
    }

    /// Nesting deeper than this is refused.
    static let maxDepth = 512

    /// The value of `bytes` (a UTF-8 byte-order mark is skipped).
    public static func parse(_ bytes: [UInt8]) throws(Problem) -> Value {
        var p = Parser(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { p.at = 3 }
        do throws(Failure) {
            let v = try p.value(depth: 0)
            p.blanks()
            if p.at < bytes.count { throw Failure(at: p.at, expected: "the end of the file after the JSON value") }
            return v
        } catch {
            throw position(of: error.at, in: bytes, expected: error.expected)
        }
    }

    /// The first problem in `bytes`; nil when they are one JSON value.
    public static func problem(_ bytes: [UInt8]) -> Problem? {
        do { _ = try parse(bytes); return nil } catch { return error }
    }

    static func position(of offset: Int, in bytes: [UInt8], expected: String) -> Problem {
        var line = 1, column = 1
        for b in bytes[..<min(offset, bytes.count)] {
            if b == 10 { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        return Problem(line: line, column: column, expected: expected)
    }

    struct Failure: Error { var at: Int; var expected: String }

    struct Parser {
        let bytes: [UInt8]
        var at = 0

        var current: UInt8? { at < bytes.count ? bytes[at] : nil }

        mutating func blanks() { while let b = current, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { at += 1 } }

        mutating func expect(_ c: Character, _ what: String) throws(Failure) {
            guard current == c.asciiValue else { throw Failure(at: at, expected: what) }
            at += 1
        }

        mutating func value(depth: Int) throws(Failure) -> Value {
            blanks()
            guard depth < JSONParser.maxDepth else { throw Failure(at: at, expected: "at most \(JSONParser.maxDepth) nested arrays or objects") }
            switch current {
            case UInt8(ascii: "{"):
                at += 1; blanks()
                var out: [String: Value] = [:]
                if current == UInt8(ascii: "}") { at += 1; return .object(out) }
                while true {
                    blanks()
                    guard current == UInt8(ascii: "\"") else { throw Failure(at: at, expected: "a key in double quotes") }
                    let key = try string()
                    blanks(); try expect(":", "':' after the key")
                    out[key] = try value(depth: depth + 1)
                    blanks()
                    if current == UInt8(ascii: ",") { at += 1; continue }
                    try expect("}", "',' or '}' in the object"); return .object(out)
                }
            case UInt8(ascii: "["):
                at += 1; blanks()
                var out: [Value] = []
                if current == UInt8(ascii: "]") { at += 1; return .array(out) }
                while true {
                    out.append(try value(depth: depth + 1))
                    blanks()
                    if current == UInt8(ascii: ",") { at += 1; continue }
                    try expect("]", "',' or ']' in the array"); return .array(out)
                }
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try word("true"); return .bool(true)
            case UInt8(ascii: "f"): try word("false"); return .bool(false)
            case UInt8(ascii: "n"): try word("null"); return .null
            case let b? where b == UInt8(ascii: "-") || (b >= 0x30 && b <= 0x39): return .number(try number())
            default: throw Failure(at: at, expected: "a value (object, array, string, number, true, false or null)")
            }
        }

        /// `true`, `false` or `null`; a misspelling is named at its start.
        mutating func word(_ w: String) throws(Failure) {
            let start = at
            for c in w.utf8 {
                guard current == c else { throw Failure(at: start, expected: "'\(w)'") }
                at += 1
            }
        }

        mutating func digits() throws(Failure) {
            guard let b = current, b >= 0x30, b <= 0x39 else { throw Failure(at: at, expected: "a digit") }
            while let b = current, b >= 0x30, b <= 0x39 { at += 1 }
        }

        mutating func number() throws(Failure) -> Double {
            let start = at
            if current == UInt8(ascii: "-") { at += 1 }
            if current == UInt8(ascii: "0") { at += 1 } else { try digits() }
            if current == UInt8(ascii: ".") { at += 1; try digits() }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                at += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { at += 1 }
                try digits()
            }
            return Double(String(decoding: bytes[start..<at], as: UTF8.self)) ?? .nan
        }

        mutating func string() throws(Failure) -> String {
            at += 1  // the opening quote
            var out: [UInt8] = []
            while let b = current {
                switch b {
                case UInt8(ascii: "\""): at += 1; return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    at += 1
                    guard let e = current else { break }
                    if e == UInt8(ascii: "u") {
                        at += 1
                        var code: UInt32 = 0
                        for _ in 0..<4 {
                            guard let h = current, let d = Character(Unicode.Scalar(h)).hexDigitValue else {
                                throw Failure(at: at, expected: "four hexadecimal digits after \\u")
                            }
                            code = code * 16 + UInt32(d)
                            at += 1
                        }
                        out += Array(String(Unicode.Scalar(code).map(Character.init) ?? "\u{FFFD}").utf8)
                    } else if let escaped = ["\"": 0x22, "\\": 0x5C, "/": 0x2F, "b": 0x08, "f": 0x0C, "n": 0x0A, "r": 0x0D, "t": 0x09][Character(Unicode.Scalar(e))] {
                        out.append(UInt8(escaped))
                        at += 1
                    } else {
                        throw Failure(at: at, expected: "an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")
                    }
                case 0..<0x20: throw Failure(at: at, expected: "no control character in a string (write \\n, \\t or \\uXXXX)")
                case 0x80...:
                    guard let n = utf8Length(at) else { throw Failure(at: at, expected: "UTF-8 text") }
                    out += bytes[at..<(at + n)]
                    at += n
                default: out.append(b); at += 1
                }
            }
            throw Failure(at: at, expected: "'\"' to end the string")
        }

        /// The length of the well-formed UTF-8 sequence at `i`, nil when it is not one.
        func utf8Length(_ i: Int) -> Int? {
            let b = bytes[i]
            let n = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? (b <= 0xEF ? 3 : 0) : b >= 0xC2 ? 2 : 0
            guard n > 0, i + n <= bytes.count else { return nil }
            let slice = Array(bytes[i..<(i + n)])
            return String(validating: slice, as: UTF8.self) == nil ? nil : n
        }
    }
}
