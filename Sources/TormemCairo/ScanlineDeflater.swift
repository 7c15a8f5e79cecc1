import CZlib
import Dispatch

/// Deflates an image's scanlines into one zlib stream (a PNG's `IDAT` data), in parts compressed
/// concurrently (as pigz does): each part is a raw deflate stream of a run of rows, primed with the
/// 32 KiB before it, so that its matches still reach the rows above; every part but the last ends
/// on a byte boundary (sync flush), the parts are joined behind a zlib header, and the Adler-32
/// checksums of the parts are combined. The number of parts depends on the image's size only (a
/// power of two, about 1 MiB of scanlines or more each, at most 8), so the bytes are the same on
/// any machine, however many cores it has. A part costs about a hundred bytes; parts pay when a
/// chart is encoded while cores are idle (the last chart of a run, or a run of one chart).
enum ScanlineDeflater {
    /// Scanline bytes per part, at least.
    static let partBytes = 1 << 20
    static let maximumParts = 8

    /// How many parts `rows` scanlines of `rowBytes` bytes are deflated in.
    static func parts(rows: Int, rowBytes: Int) -> Int {
        var parts = 1
        while parts < maximumParts, 2 * parts * partBytes <= rows * rowBytes { parts *= 2 }
        return max(1, min(parts, rows))
    }

    /// The zlib stream of `rows` scanlines of `rowBytes` bytes each, scanline `y` written by
    /// `fill(y, buffer)` (its filter type byte, then its bytes); `fill` is called from several
    /// threads at once, and more than once for the rows before each part.
    static func zlib(rows: Int, rowBytes: Int, tuning: RowDeflater.Tuning = .color, fill: @Sendable (Int, UnsafeMutablePointer<UInt8>) -> Void) throws -> [UInt8] {
        let count = parts(rows: rows, rowBytes: rowBytes)
        let results = UnsafeMutableBufferPointer<Result<([UInt8], UInt), any Error>>.allocate(capacity: count)
        defer { results.deinitialize().deallocate() }
        let slots = PartSlots(results: results)
        DispatchQueue.concurrentPerform(iterations: count) { part in
            let rowRange = (part * rows / count)..<((part + 1) * rows / count)
            slots.set(part, Result { try deflate(rowRange, rowBytes: rowBytes, last: part == count - 1, tuning: tuning, fill: fill) })
        }
        var stream: [UInt8] = [0x78, 0x01]  // deflate, 32 KiB window, fastest level; header check bits
        var adler: UInt = 0
        for part in 0..<count {
            let (bytes, partAdler) = try results[part].get()
            let rowCount = (part + 1) * rows / count - part * rows / count
            adler = part == 0 ? partAdler : adler32_combine(adler, partAdler, off_t(rowCount * rowBytes))
            if part == 0 { stream.reserveCapacity(bytes.count * count + 64) }
            stream += bytes
        }
        stream.appendBigEndian(UInt32(adler))
        return stream
    }

    /// The raw deflate bytes of the rows `rowRange` and their Adler-32.
    private static func deflate(_ rowRange: Range<Int>, rowBytes: Int, last: Bool, tuning: RowDeflater.Tuning,
                                fill: (Int, UnsafeMutablePointer<UInt8>) -> Void) throws -> ([UInt8], UInt) {
        let line = UnsafeMutablePointer<UInt8>.allocate(capacity: rowBytes)
        defer { line.deallocate() }
        // The rows just before this part, as far back as the window reaches.
        let before = min(rowRange.lowerBound, (RowDeflater.window + rowBytes - 1) / rowBytes)
        let history = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, before * rowBytes))
        defer { history.deallocate() }
        for k in 0..<before { fill(rowRange.lowerBound - before + k, history + k * rowBytes) }
        let kept = min(RowDeflater.window, before * rowBytes)
        var deflater = try RowDeflater(dictionary: UnsafeBufferPointer(start: history + before * rowBytes - kept, count: kept),
                                       expected: rowRange.count * rowBytes / 16, tuning: tuning)
        defer { deflater.end() }
        for y in rowRange {
            fill(y, line)
            try deflater.append(line, count: rowBytes)
        }
        return (try deflater.finish(last: last), deflater.adler)
    }
}

/// Where each part's result goes: one slot per part, each written by one thread, all read after
/// `concurrentPerform` has returned.
private struct PartSlots: @unchecked Sendable {
    let results: UnsafeMutableBufferPointer<Result<([UInt8], UInt), any Error>>

    func set(_ part: Int, _ result: Result<([UInt8], UInt), any Error>) {
        (results.baseAddress! + part).initialize(to: result)
    }
}
