import CZlib

/// A raw deflate stream (no zlib header or checksum) fed in pieces, PNG scanlines: one part of an
/// image's zlib stream (see `ScanlineDeflater`), with the Adler-32 of what it was fed.
///
/// Tuned for charts: zlib's fast matcher (level 1), through `deflateTune` with a nice length of
/// 258 and a chain of 32 (level 1 has 8 and 4), so that a search goes on past short matches and
/// further back, and more often finds the same pixels in the row above. With unfiltered rows,
/// report charts come out 18 % smaller than plain level 1 with the "Up" filter, at the same speed.
/// Indexed (palette) rows, a third of the bytes, also hash the bytes inside long matches (an
/// insert limit of 258 instead of 4): 11 % smaller for little time, while on RGB rows it would
/// cost 30–40 % more encoding time. See BENCHMARKS.md, "PNG size". Same input, same bytes.
struct RowDeflater: ~Copyable {
    static let level: Int32 = 1
    /// `deflateTune`: good length (unused by the fast matcher), insert limit (the fast matcher's
    /// `max_lazy`: matches longer than this are not hashed inside), nice length, chain.
    struct Tuning: Sendable {
        var good: Int32, insert: Int32, nice: Int32, chain: Int32
        /// For RGB and RGBA rows.
        static let color = Tuning(good: 4, insert: 4, nice: 258, chain: 32)
        /// For palette indices.
        static let indexed = Tuning(good: 4, insert: 258, nice: 258, chain: 32)
    }
    /// The deflate window: how far back a part's dictionary reaches.
    static let window = 1 << 15

    /// On the heap: zlib keeps a pointer back to its stream, so the stream must never move.
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private var output: [UInt8] = []
    private let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 16)
    /// Adler-32 of the bytes appended so far.
    private(set) var adler: UInt = adler32(0, nil, 0)

    /// `dictionary`: the (up to 32 KiB of) bytes just before this part, which its matches may
    /// refer to; empty for the first part. `expected`: the likely output size, reserved up front.
    init(dictionary: UnsafeBufferPointer<UInt8>, expected: Int, tuning t: Tuning) throws {
        stream.initialize(to: z_stream())
        var status = deflateInit2_(stream, Self.level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY,
                                   ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        if status == Z_OK {
            status = deflateTune(stream, t.good, t.insert, t.nice, t.chain)
            if status == Z_OK, let start = dictionary.baseAddress, !dictionary.isEmpty {
                status = deflateSetDictionary(stream, start, UInt32(dictionary.count))
            }
            if status != Z_OK { deflateEnd(stream) }
        }
        guard status == Z_OK else {
            chunk.deallocate(); stream.deallocate()
            throw CairoError("zlib deflateInit failed (\(status))")
        }
        output.reserveCapacity(max(1024, expected))
    }

    mutating func append(_ bytes: UnsafeMutablePointer<UInt8>, count: Int) throws {
        adler = adler32(adler, bytes, UInt32(count))
        stream.pointee.next_in = bytes
        stream.pointee.avail_in = UInt32(count)
        try run(Z_NO_FLUSH)
    }

    /// The deflated bytes: ending the stream when `last`, else ending on a byte boundary after an
    /// empty stored block (a sync flush), so that the next part's bytes can follow.
    mutating func finish(last: Bool) throws -> [UInt8] {
        stream.pointee.next_in = nil
        stream.pointee.avail_in = 0
        try run(last ? Z_FINISH : Z_SYNC_FLUSH)
        return output
    }

    private mutating func run(_ flush: Int32) throws {
        repeat {
            stream.pointee.next_out = chunk
            stream.pointee.avail_out = 1 << 16
            let status = deflate(stream, flush)
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                throw CairoError("zlib deflate failed (\(status))")
            }
            let produced = (1 << 16) - Int(stream.pointee.avail_out)
            if produced > 0 { output.append(contentsOf: UnsafeBufferPointer(start: chunk, count: produced)) }
            if status == Z_STREAM_END { return }
        } while stream.pointee.avail_out == 0 || flush == Z_FINISH
    }

    mutating func end() {
        deflateEnd(stream)
        stream.deallocate()
        chunk.deallocate()
    }
}
