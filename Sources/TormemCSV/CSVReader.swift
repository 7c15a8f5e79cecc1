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

    /// Opens a data file as `tormem-charts --data` accepts it: a regular file (gzip-compressed or
    /// not, whatever its name), `-` for standard input, or a pipe or FIFO (`<(…)`), the last two
    /// read once as a stream. Other kinds (a device, a socket, a folder) are refused as by `init(path:)`.
    public init(input path: String) throws(CSVError) {
        self.name = path
        self.chunkSize = Self.defaultChunkSize
        if path == "-" {
            self.source = .stream(try ByteStream(name: path, raw: .descriptor(0, owned: false), hash: true))
            return
        }
        let file: FileDescriptor
        do {
            file = try FileDescriptor(path: path)
        } catch .notRegularFile(_, "fifo") {
            self.source = .stream(try ByteStream(name: path, raw: .descriptor(try FileDescriptor.openStream(path), owned: true), hash: true))
            return
        }
        var magic: [UInt8] = [0, 0]
        let n = try magic.withUnsafeMutableBufferPointer { b throws(CSVError) in try file.read(into: b.baseAddress!, count: 2, at: 0) }
        if n == 2, magic == [0x1f, 0x8b] {
            self.source = .stream(try ByteStream(name: path, raw: .file(file), hash: false))
        } else {
            self.source = .file(file)
        }
    }

    /// Whether the input is read once as a stream (standard input, a pipe, gzip data): it cannot be
    /// split into parts, and (unless it is a regular file) not read again.
    public var isStream: Bool {
        if case .stream = source { return true }
        return false
    }

    /// The SHA-256 of a stream that cannot be read again (standard input, a pipe), as read so far:
    /// the whole input's once every row was read. Nil for files, which can be hashed again.
    public var streamDigest: String? {
        if case .stream(let s) = source { return s.digest }
        return nil
    }

    /// Why a stream gave nothing at all, once it was read: an empty standard input or a FIFO that
    /// no program wrote to (it is not waited for); nil for files and streams that had bytes.
    public var emptyStreamReason: String? {
        guard case .stream(let s) = source, s.isEmpty, !s.isCompressed else { return nil }
        if name == "-" { return "standard input is empty: expected CSV rows, e.g. zcat data.csv.gz | tormem-charts --data -" }
        return "nothing was written to this fifo (no writer; it is not waited for): expected a program writing CSV rows to it, e.g. --data <(zcat data.csv.gz)"
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
