import TormemCore

/// The usual answer to a range selector read straight from its bytes, without building a JSON tree
/// of every sample: `{"status":"success","data":{"resultType":"matrix","result":[{"metric":{…},
/// "values":[[time,"value"],…]},…]},"warnings":[…]}` with its keys in any order, other keys
/// skipped. Anything else (an error, another shape, a string with escapes it cannot take, bad
/// JSON) gives nil, and `PrometheusAnswer.parse` reads the body the general way, which names what
/// is wrong. A fleet's answers hold millions of samples: this is where their time goes.
struct PrometheusMatrixReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var at = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    struct Unexpected: Error {}

    static func read(_ body: [UInt8]) -> PrometheusAnswer? {
        body.withUnsafeBufferPointer { buffer in
            var r = PrometheusMatrixReader(buffer)
            return try? r.answer()
        }
    }

    private mutating func answer() throws(Unexpected) -> PrometheusAnswer {
        var status: String?, series: [PrometheusAnswer.Series]?, warnings: [String] = []
        try enter(UInt8(ascii: "{"))
        var first = true
        while let key = try nextKey(&first) {
            switch key {
            case "status": status = try string()
            case "data": series = try data()
            case "warnings": warnings = try strings()
            default: try skip()
            }
        }
        blanks()
        guard at == bytes.count, status == "success", let series else { throw Unexpected() }
        return PrometheusAnswer(series: series, warnings: warnings)
    }

    private mutating func data() throws(Unexpected) -> [PrometheusAnswer.Series] {
        var type: String?, result: [PrometheusAnswer.Series]?
        try enter(UInt8(ascii: "{"))
        var first = true
        while let key = try nextKey(&first) {
            switch key {
            case "resultType": type = try string()
            case "result":
                var list: [PrometheusAnswer.Series] = []
                try enter(UInt8(ascii: "["))
                var firstSeries = true
                while try nextElement(&firstSeries) { list.append(try seriesValue()) }
                result = list
            default: try skip()
            }
        }
        guard type == "matrix", let result else { throw Unexpected() }
        return result
    }

    private mutating func seriesValue() throws(Unexpected) -> PrometheusAnswer.Series {
        var labels: [String: String]?, samples: [(time: Double, value: Double)]?
        try enter(UInt8(ascii: "{"))
        var first = true
        while let key = try nextKey(&first) {
            switch key {
            case "metric":
                var l: [String: String] = [:]
                try enter(UInt8(ascii: "{"))
                var firstLabel = true
                while let name = try nextKey(&firstLabel) { l[name] = try string() }
                labels = l
            case "values":
                var list: [(time: Double, value: Double)] = []
                try enter(UInt8(ascii: "["))
                var firstSample = true
                while try nextElement(&firstSample) {
                    try enter(UInt8(ascii: "["))
                    let t = try number()
                    try enter(UInt8(ascii: ","))
                    let v = try valueText()
                    try enter(UInt8(ascii: "]"))
                    list.append((t, v))
                }
                samples = list
            default: try skip()
            }
        }
        guard let labels, let samples else { throw Unexpected() }
        return PrometheusAnswer.Series(labels: labels, samples: samples)
    }

    // MARK: JSON pieces

    private mutating func blanks() {
        while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x09 { at += 1 }
    }

    /// The byte `b` next, after blanks.
    private mutating func enter(_ b: UInt8) throws(Unexpected) {
        blanks()
        guard at < bytes.count, bytes[at] == b else { throw Unexpected() }
        at += 1
    }

    /// The next member's key of an object entered (its `:` read), or nil at its `}`.
    private mutating func nextKey(_ first: inout Bool) throws(Unexpected) -> String? {
        guard try more(&first, closing: UInt8(ascii: "}")) else { return nil }
        let key = try string()
        try enter(UInt8(ascii: ":"))
        return key
    }

    /// Whether an array entered has another element (its `,` read), false at its `]`.
    private mutating func nextElement(_ first: inout Bool) throws(Unexpected) -> Bool {
        try more(&first, closing: UInt8(ascii: "]"))
    }

    private mutating func more(_ first: inout Bool, closing: UInt8) throws(Unexpected) -> Bool {
        blanks()
        guard at < bytes.count else { throw Unexpected() }
        if bytes[at] == closing { at += 1; return false }
        if !first {
            guard bytes[at] == UInt8(ascii: ",") else { throw Unexpected() }
            at += 1
        }
        first = false
        return true
    }

    private mutating func strings() throws(Unexpected) -> [String] {
        var out: [String] = []
        try enter(UInt8(ascii: "["))
        var first = true
        while try nextElement(&first) { out.append(try string()) }
        return out
    }

    /// The bytes between the quotes of a string without escapes or control characters.
    private mutating func rawString() throws(Unexpected) -> Range<Int> {
        try enter(UInt8(ascii: "\""))
        let start = at
        while at < bytes.count {
            let b = bytes[at]
            if b == UInt8(ascii: "\"") { at += 1; return start..<(at - 1) }
            if b == UInt8(ascii: "\\") || b < 0x20 { throw Unexpected() }
            at += 1
        }
        throw Unexpected()
    }

    private mutating func string() throws(Unexpected) -> String {
        let r = try rawString()
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self)
    }

    /// A JSON number: an integer read exactly, else the decimal text read as a double.
    private mutating func number() throws(Unexpected) -> Double {
        blanks()
        let start = at
        while at < bytes.count, Self.isNumberByte(bytes[at]) { at += 1 }
        guard at > start else { throw Unexpected() }
        return try Self.double(UnsafeBufferPointer(rebasing: bytes[start..<at]))
    }

    /// A sample's value: a string holding a number, `NaN`, `+Inf` or `-Inf`.
    private mutating func valueText() throws(Unexpected) -> Double {
        let r = try rawString()
        let text = UnsafeBufferPointer(rebasing: bytes[r])
        if let first = text.first, first == UInt8(ascii: "N") || first == UInt8(ascii: "+") || first == UInt8(ascii: "I")
            || (first == UInt8(ascii: "-") && text.count > 1 && text[1] == UInt8(ascii: "I")) {
            guard let v = PrometheusAnswer.number(String(decoding: text, as: UTF8.self)) else { throw Unexpected() }
            return v
        }
        return try Self.double(text)
    }

    static func isNumberByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+")
            || b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
    }

    /// Digits only (at most 15, so exact): the integer; anything else through `Double(String)`.
    static func double(_ text: UnsafeBufferPointer<UInt8>) throws(Unexpected) -> Double {
        if !text.isEmpty, text.count <= 15 {
            var n: Int64 = 0
            var digits = true
            for b in text {
                guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { digits = false; break }
                n = n * 10 + Int64(b - UInt8(ascii: "0"))
            }
            if digits { return Double(n) }
        }
        guard text.allSatisfy(isNumberByte), let v = Double(String(decoding: text, as: UTF8.self)) else { throw Unexpected() }
        return v
    }

    /// Skips any JSON value (strings with escapes included).
    private mutating func skip() throws(Unexpected) {
        blanks()
        guard at < bytes.count else { throw Unexpected() }
        switch bytes[at] {
        case UInt8(ascii: "{"):
            at += 1
            var first = true
            while try nextKey(&first) != nil { try skip() }
        case UInt8(ascii: "["):
            at += 1
            var first = true
            while try nextElement(&first) { try skip() }
        case UInt8(ascii: "\""):
            at += 1
            while at < bytes.count {
                if bytes[at] == UInt8(ascii: "\\") { at += 2; continue }
                if bytes[at] == UInt8(ascii: "\"") { at += 1; return }
                at += 1
            }
            throw Unexpected()
        default:
            let start = at
            while at < bytes.count, Self.isNumberByte(bytes[at]) || (bytes[at] >= UInt8(ascii: "a") && bytes[at] <= UInt8(ascii: "z")) { at += 1 }
            guard at > start else { throw Unexpected() }
        }
    }
}
