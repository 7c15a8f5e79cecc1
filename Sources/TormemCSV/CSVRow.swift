/// One record: a view into the reader's buffer, valid only inside the `forEachRow` callback.
///
/// Copy out what you need (`field.string`, `field.int64`, `strings`) before returning.
public struct CSVRow {
    /// The 1-based physical line where the record starts.
    public let line: Int
    /// True when the input ended inside an open quote: the last field holds everything after
    /// that quote.
    public let unterminatedQuote: Bool
    /// Where the record starts in the source, in bytes.
    public let byteOffset: Int

    private let base: UnsafePointer<UInt8>
    /// `count` pairs of (start, end) byte offsets into `base`.
    private let offsets: UnsafePointer<Int>
    private let fieldCount: Int

    init(base: UnsafePointer<UInt8>, offsets: UnsafePointer<Int>, count: Int, line: Int, unterminatedQuote: Bool,
         byteOffset: Int = 0) {
        self.byteOffset = byteOffset
        self.base = base
        self.offsets = offsets
        self.fieldCount = count
        self.line = line
        self.unterminatedQuote = unterminatedQuote
    }

    /// The number of fields (at least 1: an empty line is skipped, never a record).
    public var count: Int { fieldCount }

    /// The field at `i` (`0 ..< count`).
    public subscript(i: Int) -> CSVField {
        precondition(i >= 0 && i < fieldCount, "field index \(i) out of range 0..<\(fieldCount)")
        let start = offsets[2 * i]
        return CSVField(start: base + start, count: offsets[2 * i + 1] - start)
    }

    /// All fields as strings (invalid UTF-8 repaired); allocates, meant for headers and tests.
    public var strings: [String] {
        (0..<fieldCount).map { self[$0].string }
    }
}

extension CSVRow: RandomAccessCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { fieldCount }
}
