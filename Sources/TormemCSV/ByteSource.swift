/// Where a `CSVReader` gets its bytes: an open regular file, an in-memory array, or a stream read
/// once from its start (standard input, a pipe, gzip data), whose `offset`s are always the bytes read so far.
enum ByteSource: Sendable {
    case file(FileDescriptor)
    case memory([UInt8])
    case stream(ByteStream)

    /// Copies up to `count` bytes starting at `offset` into `buffer`; 0 means end of input.
    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int, at offset: Int) throws(CSVError) -> Int {
        switch self {
        case .file(let file):
            return try file.read(into: buffer, count: count, at: offset)
        case .stream(let stream):
            return try stream.read(into: buffer, count: count)
        case .memory(let bytes):
            let n = min(count, bytes.count - offset)
            if n <= 0 { return 0 }
            bytes.withUnsafeBufferPointer { source in
                buffer.update(from: source.baseAddress! + offset, count: n)
            }
            return n
        }
    }
}
