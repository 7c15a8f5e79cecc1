#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import TormemCore

/// Bytes read once, from the start: standard input, a pipe or FIFO (`<(…)`), or the inflated bytes
/// of a gzip-compressed file or stream (detected by its magic bytes, whatever the file is called).
///
/// A pipe is read as it comes: when its writer is alive but has nothing yet, `poll` waits for it;
/// a FIFO with no writer at all reads as empty at once (never waits for a writer that may not come).
/// Inputs that cannot be read again (standard input, pipes) are fingerprinted as they are read
/// (`digest`), for the source stamp the charts keep.
final class ByteStream: @unchecked Sendable {  // one reader reads it, on one thread at a time
    enum Raw {
        /// A descriptor read with `read(2)` (standard input, a pipe, a FIFO).
        case descriptor(Int32, owned: Bool)
        /// A regular file read with `pread` from its start.
        case file(FileDescriptor)
    }

    let name: String
    private let raw: Raw
    private var rawOffset = 0
    private var rawEnded = false
    /// Raw bytes read ahead to look for the gzip magic, handed out before any other.
    private var lookahead: [UInt8] = []
    private var inflater: GzipInflater?
    /// The SHA-256 of the raw bytes, when they are hashed (inputs that cannot be read again).
    private var hasher: SHA256?
    /// Whether the raw bytes are gzip-compressed.
    let isCompressed: Bool

    init(name: String, raw: Raw, hash: Bool) throws(CSVError) {
        self.name = name
        self.raw = raw
        hasher = hash ? SHA256() : nil
        var head = [UInt8](repeating: 0, count: 2)
        var got = 0
        // Up to two bytes, however the writer splits them.
        while got < 2 {
            let n = try head.withUnsafeMutableBufferPointer { b throws(CSVError) in try Self.readRaw(raw, name: name, into: b.baseAddress! + got, count: 2 - got, at: got) }
            if n == 0 { rawEnded = true; break }
            got += n
        }
        rawOffset = got
        lookahead = Array(head[0..<got])
        hasher?.update(lookahead)
        isCompressed = got == 2 && head[0] == 0x1f && head[1] == 0x8b
        if isCompressed { inflater = try GzipInflater(name: name) }
    }

    deinit {
        if case .descriptor(let fd, owned: true) = raw { close(fd) }
    }

    /// Whether no byte at all was read (an empty standard input, a FIFO without a writer).
    var isEmpty: Bool { rawOffset == 0 && lookahead.isEmpty }

    /// The hexadecimal SHA-256 of every raw byte read, when hashing (complete once `read` returned 0).
    var digest: String? { hasher?.hexDigest() }

    /// Reads up to `count` bytes (inflated, for gzip input); 0 at the end of the input.
    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws(CSVError) -> Int {
        guard count > 0 else { return 0 }
        if let inflater {
            return try inflater.read(into: buffer, count: count) { (input, capacity) throws(CSVError) -> Int in
                try self.readCounted(into: input, count: capacity)
            }
        }
        return try readCounted(into: buffer, count: count)
    }

    /// Raw bytes: the look-ahead first, then the source; hashed when hashing.
    private func readCounted(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws(CSVError) -> Int {
        if !lookahead.isEmpty {
            let n = min(count, lookahead.count)
            lookahead.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress!, count: n) }
            lookahead.removeFirst(n)
            return n
        }
        if rawEnded { return 0 }
        let n = try Self.readRaw(raw, name: name, into: buffer, count: count, at: rawOffset)
        if n == 0 { rawEnded = true }
        rawOffset += n
        hasher?.update(UnsafeBufferPointer(start: buffer, count: n))
        return n
    }

    private static func readRaw(_ raw: Raw, name: String, into buffer: UnsafeMutablePointer<UInt8>, count: Int, at offset: Int) throws(CSVError) -> Int {
        switch raw {
        case .file(let f):
            return try f.read(into: buffer, count: count, at: offset)
        case .descriptor(let fd, _):
            while true {
                let n = systemRead(fd, buffer, count)
                if n >= 0 { return n }
                let code = errno
                if code == EINTR { continue }
                if code == EAGAIN || code == EWOULDBLOCK {
                    // The writer is there but has written nothing yet: wait for it.
                    var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                    _ = poll(&p, 1, -1)
                    continue
                }
                throw .unreadable(path: name, reason: SystemError.text(code))
            }
        }
    }
}

/// `read(2)` (a file-scope function: inside `ByteStream`, `read` is its own).
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int { read(fd, buffer, count) }
