/// The distinct pixels of an image with how many pixels have each, when there are at most `limit`.
///
/// Pixels are cairo's native-endian premultiplied 0xAARRGGBB words; `colors` lists them in order
/// of first appearance in raster order, so the same pixels always give the same histogram.
/// Counting is cheap: a run of equal pixels (most of a chart) costs one table lookup; the others
/// go through an open-addressing table that doubles when half full.
struct ColorHistogram {
    /// The distinct pixels, in order of first appearance.
    private(set) var colors: [UInt32] = []
    /// `counts[i]`: how many pixels are `colors[i]`.
    private(set) var counts: [Int] = []
    private var keys: [UInt32]
    /// Index into `colors` of the pixel in the same slot of `keys`, -1 when the slot is empty.
    private var entries: [Int32]
    private var bits: Int

    /// The histogram of `image`, or nil when it has more than `limit` distinct pixels (the scan
    /// stops at the first one too many).
    init?(_ image: ImagePixels, limit: Int) {
        bits = 10
        keys = [UInt32](repeating: 0, count: 1 << bits)
        entries = [Int32](repeating: -1, count: 1 << bits)
        guard image.width > 0, image.height > 0 else { return }
        var previous = image.row(0)[0]
        var run = 0
        for y in 0..<image.height {
            let row = image.row(y)
            for x in 0..<image.width {
                let p = row[x]
                if p == previous { run += 1; continue }
                guard add(previous, run, limit: limit) else { return nil }
                previous = p
                run = 1
            }
        }
        guard add(previous, run, limit: limit) else { return nil }
    }

    /// Number of distinct pixels.
    var count: Int { colors.count }

    /// The index in `colors` of `pixel`, which must be one of them.
    func index(of pixel: UInt32) -> Int {
        let mask = (1 << bits) - 1
        var slot = Self.slot(pixel, bits)
        while entries[slot] >= 0 {
            if keys[slot] == pixel { return Int(entries[slot]) }
            slot = (slot + 1) & mask
        }
        preconditionFailure("pixel \(pixel) is not in the histogram")
    }

    /// Counts `run` more pixels of `pixel`; false when it would be colour number `limit + 1`.
    private mutating func add(_ pixel: UInt32, _ run: Int, limit: Int) -> Bool {
        let mask = (1 << bits) - 1
        var slot = Self.slot(pixel, bits)
        while entries[slot] >= 0 {
            if keys[slot] == pixel { counts[Int(entries[slot])] += run; return true }
            slot = (slot + 1) & mask
        }
        guard colors.count < limit else { return false }
        keys[slot] = pixel
        entries[slot] = Int32(colors.count)
        colors.append(pixel)
        counts.append(run)
        if 2 * colors.count > 1 << bits { grow() }
        return true
    }

    /// Doubles the table and puts every colour back.
    private mutating func grow() {
        bits += 1
        let mask = (1 << bits) - 1
        keys = [UInt32](repeating: 0, count: 1 << bits)
        entries = [Int32](repeating: -1, count: 1 << bits)
        for (i, pixel) in colors.enumerated() {
            var slot = Self.slot(pixel, bits)
            while entries[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = pixel
            entries[slot] = Int32(i)
        }
    }

    /// Fibonacci hashing: the top `bits` bits of the product spread nearby colours apart.
    @inline(__always)
    private static func slot(_ pixel: UInt32, _ bits: Int) -> Int { Int((pixel &* 0x9E37_79B1) >> UInt32(32 - bits)) }
}
