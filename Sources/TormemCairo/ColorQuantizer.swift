/// Picks at most `maximum` of an image's colours to stand for all of them: the palette of a chart
/// PNG with more colours than an indexed PNG holds (see `ColorPalette.init(reducing:)`).
///
/// A chart's colours are a few flat ones (backgrounds, grid, text, series) and the antialiased
/// shades between them at text and line edges. The palette is grown greedily from the image's own
/// colours: first the most frequent one, then each time the colour whose distance to the palette
/// so far, weighted by the square root of its pixel count, is largest. Flat colours come in first
/// and stay exact; the shades that are left take the nearest colour chosen. On the report charts
/// no pixel moves by more than 27/255 in a channel and 0.1 % move by more than 8/255 (sqrt weights
/// keep rare but distinct shades: plain counts leave larger errors, see BENCHMARKS.md).
///
/// Distance: squared differences of the premultiplied channels weighted 3 (alpha), 2 (red),
/// 4 (green), 3 (blue), roughly how much each is seen. Ties go to the colour seen first, so the
/// same image always gives the same palette.
enum ColorQuantizer {
    /// The chosen colours as indices into `histogram.colors`, ascending (order of first
    /// appearance), and for every colour of the histogram the position in that list of the
    /// chosen colour nearest to it.
    static func choose(_ histogram: ColorHistogram, maximum: Int) -> (chosen: [Int], nearest: [UInt8]) {
        let n = histogram.count
        precondition(maximum >= 1 && maximum <= 256, "a palette holds 1 to 256 colours")
        guard n > 0 else { return ([], []) }
        let colors = histogram.colors
        let weight = histogram.counts.map { Double($0).squareRoot() }
        var distance = [Int32](repeating: .max, count: n)
        var nearest = [Int32](repeating: 0, count: n)
        var picked: [Int] = []
        picked.reserveCapacity(maximum)
        // The most frequent colour first (the first seen among equals).
        var next = histogram.counts.indices.max { a, b in histogram.counts[a] < histogram.counts[b] || (histogram.counts[a] == histogram.counts[b] && a > b) }!
        colors.withUnsafeBufferPointer { colors in
            weight.withUnsafeBufferPointer { weight in
                distance.withUnsafeMutableBufferPointer { distance in
                    nearest.withUnsafeMutableBufferPointer { nearest in
                        while picked.count < maximum {
                            let chosen = next, slot = Int32(picked.count)
                            picked.append(chosen)
                            let c = colors[chosen]
                            let ca = Int32(c >> 24), cr = Int32((c >> 16) & 0xff), cg = Int32((c >> 8) & 0xff), cb = Int32(c & 0xff)
                            var best = -1.0, bestIndex = -1
                            for i in 0..<n {
                                let p = colors[i]
                                let da = Int32(p >> 24) - ca, dr = Int32((p >> 16) & 0xff) - cr
                                let dg = Int32((p >> 8) & 0xff) - cg, db = Int32(p & 0xff) - cb
                                let d = 3 &* da &* da &+ 2 &* dr &* dr &+ 4 &* dg &* dg &+ 3 &* db &* db
                                if d < distance[i] { distance[i] = d; nearest[i] = slot }
                                let priority = weight[i] * Double(distance[i])
                                if priority > best { best = priority; bestIndex = i }
                            }
                            // Every colour is in the palette already.
                            if best <= 0 { break }
                            next = bestIndex
                        }
                    }
                }
            }
        }
        // Palette entries in order of first appearance.
        let order = picked.indices.sorted { picked[$0] < picked[$1] }
        var position = [UInt8](repeating: 0, count: picked.count)
        for (rank, k) in order.enumerated() { position[k] = UInt8(rank) }
        return (order.map { picked[$0] }, nearest.map { position[Int($0)] })
    }
}
