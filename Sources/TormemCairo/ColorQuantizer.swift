/// Picks at most `maximum` of an image's colours to stand for all of them: the palette of a chart
/// PNG with more colours than an indexed PNG holds (see `ColorPalette.init(reducing:)`).
///
/// A chart's colours are a few flat ones (backgrounds, grid, text, series) and the antialiased
/// shades between them at text and line edges. The palette is grown greedily from the image's own
/// colours: first the most frequent one, then each time the colour whose distance to the palette
/// so far, weighted by the square root of its pixel count, is largest. Flat colours come in first
/// and stay exact; the shades that are left take the nearest colour chosen. On the report charts
/// no pixel moves by more than 28/255 in a channel and 0.1 % move by more than 8/255 (sqrt weights
/// keep rare but distinct shades: plain counts leave larger errors, see BENCHMARKS.md).
///
/// Distance: squared differences of the premultiplied channels weighted 3 (alpha), 2 (red),
/// 4 (green), 3 (blue), roughly how much each is seen. Ties go to the colour seen first, so the
/// same image always gives the same palette. Each round scans every colour, eight at a time
/// (n × 256 steps: ~5 ms for the 48 000 colours of a year of 200 relays' trajectories).
enum ColorQuantizer {
    /// The chosen colours as indices into `histogram.colors`, ascending (order of first
    /// appearance), and for every colour of the histogram the position in that list of the
    /// chosen colour nearest to it.
    static func choose(_ histogram: ColorHistogram, maximum: Int) -> (chosen: [Int], nearest: [UInt8]) {
        let n = histogram.count
        precondition(maximum >= 1 && maximum <= 256, "a palette holds 1 to 256 colours")
        guard n > 0 else { return ([], []) }
        // The channels apart and padded to a multiple of 8 (padding has weight 0, never chosen),
        // as Floats: every distance is an integer below 2^24, so exact and the same anywhere.
        let padded = (n + 7) / 8 * 8
        func channel(_ shift: UInt32) -> [Float] {
            histogram.colors.map { Float(($0 >> shift) & 0xff) } + [Float](repeating: 0, count: padded - n)
        }
        let a = channel(24), r = channel(16), g = channel(8), b = channel(0)
        let weight = histogram.counts.map { Float(Double($0).squareRoot()) } + [Float](repeating: 0, count: padded - n)
        var distance = [Float](repeating: .greatestFiniteMagnitude, count: padded)
        var nearest = [Int32](repeating: 0, count: padded)
        var picked: [Int] = []
        picked.reserveCapacity(maximum)
        // The most frequent colour first (the first seen among equals).
        var next = histogram.counts.indices.max { x, y in histogram.counts[x] < histogram.counts[y] || (histogram.counts[x] == histogram.counts[y] && x > y) }!
        a.withUnsafeBufferPointer { a in r.withUnsafeBufferPointer { r in
        g.withUnsafeBufferPointer { g in b.withUnsafeBufferPointer { b in
        weight.withUnsafeBufferPointer { weight in
        distance.withUnsafeMutableBufferPointer { distance in
        nearest.withUnsafeMutableBufferPointer { nearest in
            let a = a.baseAddress!, r = r.baseAddress!, g = g.baseAddress!, b = b.baseAddress!, weight = weight.baseAddress!
            let distance = distance.baseAddress!, nearest = nearest.baseAddress!
            while picked.count < maximum {
                let chosen = next
                let slot = SIMD8<Int32>(repeating: Int32(picked.count))
                picked.append(chosen)
                let ca = SIMD8<Float>(repeating: a[chosen]), cr = SIMD8<Float>(repeating: r[chosen])
                let cg = SIMD8<Float>(repeating: g[chosen]), cb = SIMD8<Float>(repeating: b[chosen])
                // Per lane: the highest priority and the first colour that has it.
                var bestPriority = SIMD8<Float>(repeating: -1), bestIndex = SIMD8<Int32>(repeating: -1)
                var index = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7)
                for base in stride(from: 0, to: padded, by: 8) {
                    let da = Self.load(a, base) - ca, dr = Self.load(r, base) - cr
                    let dg = Self.load(g, base) - cg, db = Self.load(b, base) - cb
                    let alphaRed: SIMD8<Float> = 3 * (da * da) + 2 * (dr * dr)
                    let greenBlue: SIMD8<Float> = 4 * (dg * dg) + 3 * (db * db)
                    let d = alphaRed + greenBlue
                    let old = Self.load(distance, base)
                    let closer = d .< old
                    let kept = old.replacing(with: d, where: closer)
                    Self.store(kept, distance, base)
                    Self.store(Self.load(nearest, base).replacing(with: slot, where: closer), nearest, base)
                    let priority = Self.load(weight, base) * kept
                    let better = priority .> bestPriority
                    bestPriority = bestPriority.replacing(with: priority, where: better)
                    bestIndex = bestIndex.replacing(with: index, where: better)
                    index &+= 8
                }
                var best: Float = 0, bestAt = -1
                for lane in 0..<8 where bestPriority[lane] > best || (bestPriority[lane] == best && best > 0 && Int(bestIndex[lane]) < bestAt) {
                    best = bestPriority[lane]; bestAt = Int(bestIndex[lane])
                }
                // Every colour is in the palette already.
                if bestAt < 0 { break }
                next = bestAt
            }
        }}}}}}}
        // Palette entries in order of first appearance.
        let order = picked.indices.sorted { picked[$0] < picked[$1] }
        var position = [UInt8](repeating: 0, count: picked.count)
        for (rank, k) in order.enumerated() { position[k] = UInt8(rank) }
        return (order.map { picked[$0] }, nearest[..<n].map { position[Int($0)] })
    }

    @inline(__always)
    private static func load<T: SIMDScalar>(_ p: UnsafePointer<T>, _ at: Int) -> SIMD8<T> {
        UnsafeRawPointer(p + at).loadUnaligned(as: SIMD8<T>.self)
    }

    @inline(__always)
    private static func load<T: SIMDScalar>(_ p: UnsafeMutablePointer<T>, _ at: Int) -> SIMD8<T> {
        UnsafeRawPointer(p + at).loadUnaligned(as: SIMD8<T>.self)
    }

    @inline(__always)
    private static func store<T: SIMDScalar>(_ v: SIMD8<T>, _ p: UnsafeMutablePointer<T>, _ at: Int) {
        UnsafeMutableRawPointer(p + at).storeBytes(of: v, as: SIMD8<T>.self)
    }
}
