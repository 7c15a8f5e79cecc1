/// A streaming RFC 4180 CSV reader with physical line numbers.
///
/// Rules (see SPEC.md §1):
/// - records end at LF or CRLF; a lone CR inside a field is data;
/// - a line whose first byte is `#` is a comment, handed to the `comment` callback, never a row;
/// - blank lines (empty, or only spaces/tabs) are skipped but still counted;
/// - a UTF-8 byte order mark at the very start is ignored;
/// - fields may be quoted; `""` inside quotes is one `"`; newlines inside quotes are data
///   and advance the physical line count;
/// - lenient: a quote in the middle of an unquoted field is a literal character, text after
///   a closing quote is appended to the field (`"ab"c` is `abc`), an unterminated quote at the
///   end of the input yields the record with `unterminatedQuote` set;
/// - the last record needs no final newline (a trailing CR at the very end is dropped).
///
/// The input is read in large chunks; fields are views into the reader's buffer (quoted fields
/// are unescaped in place), so no memory is allocated per row or per field.
public struct CSVReader: Sendable {
    /// The file path (or name given for in-memory input) used in messages.
    public let name: String

    let source: ByteSource
    /// Bytes requested per read; also the initial buffer size (it grows for longer records).
    let chunkSize: Int

    /// Only these bytes of the source are read (a part of a file parsed on another core).
    var range: Range<Int>?
    /// After `forEachRow`: whether any field was quoted (a split point could fall inside quotes).
    public internal(set) var sawQuote = false
    /// After `forEachRow`: the physical lines consumed (newlines seen).
    public internal(set) var linesRead = 0

    /// The longest record (or comment line) read: 16 MiB. Longer is an error, so memory stays
    /// bounded for any input (a file of NUL bytes, one 2 GB line).
    public static let maxRecordBytes = 16 << 20

    /// 4 MiB: large enough to amortise system calls, small enough to stay in cache levels.
    static let defaultChunkSize = 4 << 20

    /// Opens a regular file for streaming reading.
    ///
    /// Throws `CSVError.fileNotFound`, `.isDirectory`, `.notRegularFile` (FIFO, device,
    /// socket) or `.unreadable`, each naming `path`.
    public init(path: String) throws(CSVError) {
        try self.init(path: path, chunkSize: Self.defaultChunkSize)
    }

    /// Reads only `range` of a regular file: a part that starts at a record boundary (the byte after
    /// a newline). Line numbers count from 1 within the part.
    public init(path: String, range: Range<Int>) throws(CSVError) {
        try self.init(path: path, chunkSize: Self.defaultChunkSize)
        self.range = range
    }

    /// The size in bytes of a file source (nil for memory).
    public var fileSize: Int? {
        if case .file(let f) = source { return f.size }
        return nil
    }

    /// The offset just after the first newline at or after `offset`, or nil when there is none
    /// before the end of the file.
    public func recordBoundary(after offset: Int) throws -> Int? {
        guard case .file(let f) = source else { return nil }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var at = offset
        while true {
            let n = try buffer.withUnsafeMutableBufferPointer { try f.read(into: $0.baseAddress!, count: $0.count, at: at) }
            if n == 0 { return nil }
            if let i = buffer[0..<n].firstIndex(of: UInt8(ascii: "\n")) { return at + i + 1 }
            at += n
        }
    }

    /// Reads from memory (tests, standard input); `name` is used in messages.
    public init(bytes: [UInt8], name: String) {
        self.init(bytes: bytes, name: name, chunkSize: max(1, min(Self.defaultChunkSize, bytes.count)))
    }

    /// Opens a file with an explicit read size (tests use tiny sizes to force records
    /// across chunk boundaries).
    init(path: String, chunkSize: Int) throws(CSVError) {
        precondition(chunkSize > 0, "chunk size must be positive")
        self.source = .file(try FileDescriptor(path: path))
        self.name = path
        self.chunkSize = chunkSize
    }

    /// In-memory input with an explicit read size.
    init(bytes: [UInt8], name: String, chunkSize: Int) {
        precondition(chunkSize > 0, "chunk size must be positive")
        self.source = .memory(bytes)
        self.name = name
        self.chunkSize = chunkSize
    }
}
