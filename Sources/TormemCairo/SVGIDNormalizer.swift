/// Makes cairo's SVG element ids independent of process-global state.
///
/// cairo 1.16 names the page group `surface<N>` after the surface's process-wide unique id, so
/// the same drawing rendered twice in one process (or concurrently) gets different ids. Other
/// families (`clip<N>`, `image<N>`, `pattern<N>`, `mask<N>`, ...) may be numbered the same way
/// depending on what is drawn. This pass renumbers every id of the form `<letters><digits>` per
/// family (`surface`, `clip`, ...) in order of first appearance — definition or reference —
/// and rewrites definitions (`id="…"`) and references (`#…"` / `#…)`) consistently. Ids of other
/// shapes (cairo's per-document `glyph<F>-<G>`) are left alone.
enum SVGIDNormalizer {
    private struct Occurrence {
        var range: Range<Int> // of the id's name within the bytes
        var name: ArraySlice<UInt8>
    }

    static func normalize(_ svg: [UInt8]) -> [UInt8] {
        let occurrences = findOccurrences(in: svg)
        // Only rename ids the document defines.
        var defined = Set<ArraySlice<UInt8>>()
        for o in occurrences where o.range.lowerBound >= 4 && svg[(o.range.lowerBound - 4)..<o.range.lowerBound].elementsEqual(idPrefix) {
            defined.insert(o.name)
        }
        guard !defined.isEmpty else { return svg }

        var mapping: [ArraySlice<UInt8>: [UInt8]] = [:]
        var nextNumber: [ArraySlice<UInt8>: Int] = [:]
        for o in occurrences where defined.contains(o.name) && mapping[o.name] == nil {
            let family = o.name.prefix(while: isLetter)
            let n = (nextNumber[family] ?? 0) + 1
            nextNumber[family] = n
            mapping[o.name] = Array(family) + Array(String(n).utf8)
        }

        var out: [UInt8] = []
        out.reserveCapacity(svg.count)
        var cursor = 0
        for o in occurrences {
            guard let replacement = mapping[o.name] else { continue }
            out.append(contentsOf: svg[cursor..<o.range.lowerBound])
            out.append(contentsOf: replacement)
            cursor = o.range.upperBound
        }
        out.append(contentsOf: svg[cursor...])
        return out
    }

    private static let idPrefix = Array("id=\"".utf8)
    private static let quote = UInt8(ascii: "\""), hash = UInt8(ascii: "#"), paren = UInt8(ascii: ")")

    private static func isLetter(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    /// Every `id="NAME"` and `#NAME"` / `#NAME)` where NAME is letters followed by digits.
    private static func findOccurrences(in s: [UInt8]) -> [Occurrence] {
        var result: [Occurrence] = []
        var i = 0
        let n = s.count
        while i < n {
            let start: Int
            if s[i] == hash {
                start = i + 1
            } else if s[i] == UInt8(ascii: "i"), i + 4 <= n, s[i + 1] == UInt8(ascii: "d"), s[i + 2] == UInt8(ascii: "="),
                      s[i + 3] == quote, i == 0 || !isLetter(s[i - 1]) {
                start = i + 4
            } else {
                i += 1
                continue
            }
            var j = start
            while j < n, isLetter(s[j]) { j += 1 }
            let lettersEnd = j
            while j < n, isDigit(s[j]) { j += 1 }
            if lettersEnd > start, j > lettersEnd, j < n, s[j] == quote || (s[j] == paren && s[start - 1] == hash) {
                result.append(Occurrence(range: start..<j, name: s[start..<j]))
                i = j
            } else {
                i = max(i + 1, start)
            }
        }
        return result
    }
}
