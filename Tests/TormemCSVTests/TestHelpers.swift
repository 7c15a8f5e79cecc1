@testable import TormemCSV

/// A record copied out of the reader, comparable in tests.
struct Record: Equatable, CustomStringConvertible {
    var line: Int
    var fields: [[UInt8]]
    var unterminated: Bool = false

    init(line: Int, _ fields: [String], unterminated: Bool = false) {
        self.line = line
        self.fields = fields.map { Array($0.utf8) }
        self.unterminated = unterminated
    }

    init(line: Int, bytes: [[UInt8]], unterminated: Bool = false) {
        self.line = line
        self.fields = bytes
        self.unterminated = unterminated
    }

    var strings: [String] { fields.map { String(decoding: $0, as: UTF8.self) } }

    var description: String {
        "\(line): \(strings.map { String(reflecting: $0) }.joined(separator: ","))\(unterminated ? " (unterminated)" : "")"
    }
}

struct Comment: Equatable {
    var line: Int
    var text: String
}

/// Everything a parse delivered, in order.
struct Parsed: Equatable {
    var records: [Record] = []
    var comments: [Comment] = []
}

func collect(_ reader: inout CSVReader) throws -> Parsed {
    var parsed = Parsed()
    try reader.forEachRow(comment: { parsed.comments.append(Comment(line: $0, text: $1)) }) { row in
        var fields: [[UInt8]] = []
        for i in 0..<row.count { fields.append(row[i].withBytes { Array($0) }) }
        parsed.records.append(Record(line: row.line, bytes: fields, unterminated: row.unterminatedQuote))
    }
    return parsed
}

func parse(_ bytes: [UInt8], chunkSize: Int? = nil) throws -> Parsed {
    var reader =
        chunkSize.map { CSVReader(bytes: bytes, name: "test.csv", chunkSize: $0) }
        ?? CSVReader(bytes: bytes, name: "test.csv")
    return try collect(&reader)
}

func parse(_ text: String, chunkSize: Int? = nil) throws -> Parsed {
    try parse(Array(text.utf8), chunkSize: chunkSize)
}

/// Calls `body` with a field viewing `bytes` (outside any reader).
func withField<R>(_ bytes: [UInt8], _ body: (CSVField) throws -> R) rethrows -> R {
    let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
    defer { storage.deallocate() }
    storage.initialize(from: bytes, count: bytes.count)
    return try body(CSVField(start: storage, count: bytes.count))
}

func withField<R>(_ text: String, _ body: (CSVField) throws -> R) rethrows -> R {
    try withField(Array(text.utf8), body)
}

/// Deterministic SplitMix64 generator for property tests.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
