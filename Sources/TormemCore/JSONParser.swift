/// A small JSON parser without Foundation (the collector must not need Foundation): objects keep
/// their keys, numbers are Doubles, and an error names the line and column where the text stops
/// being JSON. Depth and size are bounded by the caller's input; nesting deeper than 256 is an error.
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
    }

    public struct Failure: Error, Equatable, Sendable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    public static func parse(_ bytes: [UInt8]) throws(Failure) -> Value {
        var p = Parser(bytes: bytes)
        p.skipSpace()
        let v = try p.value(depth: 0)
        p.skipSpace()
        guard p.i == bytes.count else { throw p.failure("expected the end of the document after the top-level value") }
        return v
    }

    struct Parser {
        let bytes: [UInt8]
        var i = 0

        func failure(_ message: String) -> Failure {
            var line = 1, column = 1
            for b in bytes[0..<min(i, bytes.count)] {
                if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            }
            return Failure(line: line, column: column, message: message)
        }

        mutating func skipSpace() {
            while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        }

        mutating func value(depth: Int) throws(Failure) -> Value {
            guard depth < 256 else { throw failure("expected at most 256 nested arrays and objects") }
            guard i < bytes.count else { throw failure("expected a value, found the end of the document") }
            switch bytes[i] {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
            default: throw failure("expected a value (object, array, string, number, true, false or null)")
            }
        }

        mutating func literal(_ word: String) throws(Failure) {
            let w = Array(word.utf8)
            guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else { throw failure("expected \(word)") }
            i += w.count
        }

        mutating func object(depth: Int) throws(Failure) -> Value {
            i += 1
            var out: [String: Value] = [:]
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(out) }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw failure("expected a key in double quotes") }
                let key = try string()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw failure("expected : after the key \"\(key.prefix(40))\"") }
                i += 1
                skipSpace()
                out[key] = try value(depth: depth + 1)
                skipSpace()
                guard i < bytes.count else { throw failure("expected , or } before the end of the document") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(out) }
                throw failure("expected , or } after a value in an object")
            }
        }

        mutating func array(depth: Int) throws(Failure) -> Value {
            i += 1
            var out: [Value] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(out) }
            while true {
                skipSpace()
                out.append(try value(depth: depth + 1))
                skipSpace()
                guard i < bytes.count else { throw failure("expected , or ] before the end of the document") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(out) }
                throw failure("expected , or ] after a value in an array")
            }
        }

        mutating func string() throws(Failure) -> String {
            i += 1
            var out: [UInt8] = []
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") { i += 1; return String(decoding: out, as: UTF8.self) }
                if b < 0x20 { throw failure("expected a closing \" (control characters must be escaped)") }
                if b == UInt8(ascii: "\\") {
                    i += 1
                    guard i < bytes.count else { break }
                    switch bytes[i] {
                    case UInt8(ascii: "\""): out.append(0x22)
                    case UInt8(ascii: "\\"): out.append(0x5C)
                    case UInt8(ascii: "/"): out.append(0x2F)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        var code = try hex4()
                        if (0xD800...0xDBFF).contains(code), i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "\\"), bytes[i + 2] == UInt8(ascii: "u") {
                            i += 2
                            let low = try hex4()
                            if (0xDC00...0xDFFF).contains(low) { code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00) }
                        }
                        out += Array(String(Unicode.Scalar(code).map(Character.init) ?? "\u{FFFD}").utf8)
                    default: throw failure("expected an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")
                    }
                    i += 1
                    continue
                }
                out.append(b)
                i += 1
            }
            throw failure("expected a closing \" before the end of the document")
        }

        /// The four hex digits after `\u` (leaves `i` on the last one).
        mutating func hex4() throws(Failure) -> UInt32 {
            guard i + 4 < bytes.count else { throw failure("expected four hex digits after \\u") }
            var v: UInt32 = 0
            for k in 1...4 {
                guard let d = Character(Unicode.Scalar(bytes[i + k])).hexDigitValue else { throw failure("expected four hex digits after \\u") }
                v = v * 16 + UInt32(d)
            }
            i += 4
            return v
        }

        mutating func number() throws(Failure) -> Double {
            let start = i
            if bytes[i] == UInt8(ascii: "-") { i += 1 }
            while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i])
                || [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-")].contains(bytes[i]) {
                i += 1
            }
            guard let v = Double(String(decoding: bytes[start..<i], as: UTF8.self)), v.isFinite else {
                i = start
                throw failure("expected a number")
            }
            return v
        }
    }
}
