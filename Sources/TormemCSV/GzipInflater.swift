import CZlib

/// Inflates gzip data (one member or several, as `cat a.gz b.gz` makes) pulled from a source of
/// compressed bytes, into the caller's buffer: memory stays at its two buffers whatever the size.
final class GzipInflater: @unchecked Sendable {  // used by one stream on one thread at a time
    let name: String
    /// On the heap: zlib keeps a pointer back to its stream, so the stream must never move.
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private let input = UnsafeMutablePointer<UInt8>.allocate(capacity: GzipInflater.inputSize)
    private var sourceEnded = false
    private var finished = false
    /// Whether the current member has produced its end (a new member may follow).
    private var memberEnded = false

    static let inputSize = 1 << 18

    init(name: String) throws(CSVError) {
        self.name = name
        stream.initialize(to: z_stream())
        // 15 + 32: the largest window, gzip or zlib header detected automatically.
        let status = inflateInit2_(stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deallocate(); input.deallocate()
            throw .unreadable(path: name, reason: "cannot start gzip decompression (zlib \(status))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        input.deallocate()
    }

    /// Up to `count` inflated bytes; 0 at the end. `refill` reads compressed bytes (0 at their end).
    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int,
              refill: (UnsafeMutablePointer<UInt8>, Int) throws(CSVError) -> Int) throws(CSVError) -> Int {
        while !finished {
            if stream.pointee.avail_in == 0 && !sourceEnded {
                let n = try refill(input, GzipInflater.inputSize)
                if n == 0 { sourceEnded = true } else { stream.pointee.next_in = input; stream.pointee.avail_in = UInt32(n) }
            }
            if memberEnded {
                // Another member follows only when there are more bytes.
                if stream.pointee.avail_in == 0 && sourceEnded { finished = true; break }
                if stream.pointee.avail_in == 0 { continue }
                inflateReset(stream)
                memberEnded = false
            }
            stream.pointee.next_out = buffer
            stream.pointee.avail_out = UInt32(min(count, Int(UInt32.max)))
            let status = inflate(stream, Z_NO_FLUSH)
            let produced = min(count, Int(UInt32.max)) - Int(stream.pointee.avail_out)
            switch status {
            case Z_OK:
                break
            case Z_STREAM_END:
                memberEnded = true
            case Z_BUF_ERROR:
                if sourceEnded && stream.pointee.avail_in == 0 && produced == 0 {
                    throw .unreadable(path: name, reason: "the gzip data ends early (a truncated file?)")
                }
            default:
                let detail = stream.pointee.msg.map { String(cString: $0) } ?? "zlib \(status)"
                throw .unreadable(path: name, reason: "corrupt gzip data: \(detail)")
            }
            if produced > 0 { return produced }
        }
        return 0
    }
}
