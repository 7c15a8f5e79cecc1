/// The palette of an indexed PNG and the index of every pixel of its image.
///
/// Pixels are cairo's native-endian premultiplied 0xAARRGGBB words. Two different words stay
/// different once un-premultiplied (for a given alpha the mapping is one to one), so one palette
/// entry per distinct word is exact.
///
/// - `init(_:)`: exact, for an image of at most 256 colours (the scan stops at the 257th).
/// - `init(reducing:)`: at most 256 of the image's own colours, each pixel shown as the nearest
///   (see `ColorQuantizer`); exact when the image has at most 256 colours.
///
/// Entries are in order of first appearance in raster order, so the same pixels always give the
/// same palette.
struct ColorPalette {
    static let maximumCount = 256
    /// The most distinct colours `init(reducing:)` takes on; an image with more is written exactly.
    /// Charts have 800 to 60 000.
    static let reducibleCount = 1 << 17

    /// The palette's colours (premultiplied words).
    let colors: [UInt32]
    private let histogram: ColorHistogram
    /// For each colour of `histogram`, its index in `colors`.
    private let indices: [UInt8]

    /// The exact palette of `image`, or nil when it has more than `maximumCount` colours.
    init?(_ image: ImagePixels) {
        guard let histogram = ColorHistogram(image, limit: Self.maximumCount) else { return nil }
        self.init(exactly: histogram)
    }

    /// One entry per colour of `histogram`, which has at most `maximumCount`.
    private init(exactly histogram: ColorHistogram) {
        self.init(histogram: histogram, colors: histogram.colors, indices: (0..<histogram.count).map { UInt8($0) })
    }

    private init(histogram: ColorHistogram, colors: [UInt32], indices: [UInt8]) {
        self.histogram = histogram; self.colors = colors; self.indices = indices
    }

    /// A palette of at most `maximumCount` of `image`'s colours, or nil when the image has more
    /// than `reducibleCount`.
    init?(reducing image: ImagePixels) {
        guard let histogram = ColorHistogram(image, limit: Self.reducibleCount) else { return nil }
        guard histogram.count > Self.maximumCount else { self.init(exactly: histogram); return }
        let (chosen, nearest) = ColorQuantizer.choose(histogram, maximum: Self.maximumCount)
        self.init(histogram: histogram, colors: chosen.map { histogram.colors[$0] }, indices: nearest)
    }

    /// Number of colours.
    var count: Int { colors.count }

    /// Whether every pixel is shown exactly (no colour was reduced to another).
    var isExact: Bool { histogram.count == colors.count }

    /// Bits per index an indexed PNG needs: 1, 2, 4 or 8.
    var bitDepth: Int {
        switch count {
        case ...2: return 1
        case ...4: return 2
        case ...16: return 4
        default: return 8
        }
    }

    /// The index in `colors` of `pixel`, a pixel of the image.
    @inline(__always)
    func index(of pixel: UInt32) -> UInt8 { indices[histogram.index(of: pixel)] }
}
