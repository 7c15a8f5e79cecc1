/// The distinct pixels of an image that has at most 256 of them: the palette of an indexed PNG.
///
/// Pixels are cairo's native-endian premultiplied 0xAARRGGBB words. Two different words stay
/// different once un-premultiplied (for a given alpha the mapping is one to one), so one palette
/// entry per distinct word is exact. Entries are in order of first appearance in raster order,
/// so the same pixels always give the same palette.
///
/// Counting is cheap: a pixel equal to the one before it (most pixels of a chart) is skipped, the
/// others go through a small open-addressing table, and the scan stops at the 257th colour.
struct ColorPalette {
    static let maximumCount = 256
    /// Table slots: a power of two well above `maximumCount`, so probes stay short.
    private static let slotBits = 10
    private static let slotMask = (1 << slotBits) - 1

    /// The distinct pixels, in order of first appearance.
    private(set) var colors: [UInt32] = []
    private var keys = [UInt32](repeating: 0, count: 1 << slotBits)
    /// Index into `colors` of the pixel in the same slot of `keys`, -1 when the slot is empty.
    private var entries = [Int16](repeating: -1, count: 1 << slotBits)

    /// The palette of `image`, or nil when it has more than `maximumCount` colours.
    init?(_ image: ImagePixels) {
        colors.reserveCapacity(Self.maximumCount)
        var previous: UInt32? = nil
        for y in 0..<image.height {
            let row = image.row(y)
            for x in 0..<image.width {
                let p = row[x]
                if p == previous { continue }
                previous = p
                if !insert(p) { return nil }
            }
        }
    }

    /// Number of colours.
    var count: Int { colors.count }

    /// Bits per index an indexed PNG needs: 1, 2, 4 or 8.
    var bitDepth: Int {
        switch count {
        case ...2: return 1
        case ...4: return 2
        case ...16: return 4
        default: return 8
        }
    }

    /// The index of `pixel`, which must be one of `colors`.
    func index(of pixel: UInt32) -> UInt8 {
        var slot = Self.slot(pixel)
        while entries[slot] >= 0 {
            if keys[slot] == pixel { return UInt8(entries[slot]) }
            slot = (slot + 1) & Self.slotMask
        }
        preconditionFailure("pixel \(pixel) is not in the palette")
    }

    /// Adds `pixel` unless present; false when it would be colour number `maximumCount + 1`.
    private mutating func insert(_ pixel: UInt32) -> Bool {
        var slot = Self.slot(pixel)
        while entries[slot] >= 0 {
            if keys[slot] == pixel { return true }
            slot = (slot + 1) & Self.slotMask
        }
        guard colors.count < Self.maximumCount else { return false }
        keys[slot] = pixel
        entries[slot] = Int16(colors.count)
        colors.append(pixel)
        return true
    }

    /// Fibonacci hashing: the top bits of the product spread nearby colours apart.
    private static func slot(_ pixel: UInt32) -> Int { Int((pixel &* 0x9E37_79B1) >> UInt32(32 - slotBits)) }
}
