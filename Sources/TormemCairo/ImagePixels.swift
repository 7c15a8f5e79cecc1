/// A read-only view of an ARGB32 raster: `width`×`height` native-endian premultiplied 0xAARRGGBB
/// words (cairo's image surface layout), rows `stride` bytes apart. Sendable so that the parts of
/// an image can be encoded on several threads; whoever makes one keeps the memory alive and
/// unchanged while it is used.
struct ImagePixels: @unchecked Sendable {
    let base: UnsafeRawPointer
    let width: Int
    let height: Int
    let stride: Int

    /// The pixels of row `y`.
    @inline(__always)
    func row(_ y: Int) -> UnsafePointer<UInt32> {
        base.advanced(by: y * stride).assumingMemoryBound(to: UInt32.self)
    }

    /// Whether every pixel has alpha 255.
    var isOpaque: Bool {
        for y in 0..<height {
            let row = row(y)
            for x in 0..<width where row[x] >> 24 != 0xff { return false }
        }
        return true
    }
}
