#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// Bit masks of the structural bytes (`,` `\n` `"`) in one 64-byte block of the reader's
/// buffer: bit `i` describes byte `base + i`. Finding the end of a field is then a shift and
/// a trailing-zero count instead of a byte loop.
///
/// Only blocks lying entirely before the end of the buffered data are indexed; the last
/// partial block is scanned byte by byte. The index must be reset whenever bytes move in
/// the buffer (compaction, growth). In-place unescaping only writes below the read
/// position, which the index is never asked about again, so it stays valid.
struct StructuralIndex {
    /// Buffer offset of the indexed block (a multiple of 64), or -1 for none.
    private var base = -1
    private var commas: UInt64 = 0
    private var newlines: UInt64 = 0
    private var quotes: UInt64 = 0

    /// Forgets the indexed block (its bytes moved).
    @inline(__always)
    mutating func reset() { base = -1 }

    @inline(__always)
    private mutating func index(_ buffer: UnsafePointer<UInt8>, block: Int) {
        if block != base {
            (commas, newlines, quotes) = structuralMasks(buffer + block)
            base = block
        }
    }

    /// The offset of the first `,` or `\n` at or after `from`, or `end` if there is none.
    @inline(__always)
    mutating func nextSeparator(_ buffer: UnsafePointer<UInt8>, from: Int, end: Int) -> Int {
        var position = from
        while true {
            let block = position & ~63
            if block + 64 > end {
                while position < end {
                    let c = buffer[position]
                    if c == 0x2C || c == 0x0A { return position }
                    position += 1
                }
                return end
            }
            index(buffer, block: block)
            let bits = (commas | newlines) >> UInt64(position - block)
            if bits != 0 { return position + bits.trailingZeroBitCount }
            position = block + 64
        }
    }

    /// The offset of the first `"` at or after `from` (or `end` if there is none) and the
    /// number of `\n` bytes passed on the way.
    @inline(__always)
    mutating func nextQuote(_ buffer: UnsafePointer<UInt8>, from: Int, end: Int) -> (position: Int, newlines: Int) {
        var position = from
        var lines = 0
        while true {
            let block = position & ~63
            if block + 64 > end {
                while position < end {
                    let c = buffer[position]
                    if c == 0x22 { return (position, lines) }
                    if c == 0x0A { lines += 1 }
                    position += 1
                }
                return (end, lines)
            }
            index(buffer, block: block)
            let shift = UInt64(position - block)
            let bits = quotes >> shift
            let newlineBits = newlines >> shift
            if bits != 0 {
                let offset = bits.trailingZeroBitCount
                let before = newlineBits & ((1 << UInt64(offset)) &- 1)
                return (position + offset, lines + before.nonzeroBitCount)
            }
            lines += newlineBits.nonzeroBitCount
            position = block + 64
        }
    }
}

/// Masks of `,`, `\n` and `"` in the 64 bytes at `p`.
@inline(__always)
func structuralMasks(_ p: UnsafePointer<UInt8>) -> (UInt64, UInt64, UInt64) {
    #if arch(x86_64)
    return structuralMasksSSE2(p)
    #else
    return structuralMasksPortable(p)
    #endif
}

#if arch(x86_64)
/// SSE2 (part of every x86-64 CPU): compare 16 bytes at a time, gather the high bits.
@inline(__always)
func structuralMasksSSE2(_ p: UnsafePointer<UInt8>) -> (UInt64, UInt64, UInt64) {
    let commaVector = _mm_set1_epi8(0x2C)
    let newlineVector = _mm_set1_epi8(0x0A)
    let quoteVector = _mm_set1_epi8(0x22)
    var commas: UInt64 = 0
    var newlines: UInt64 = 0
    var quotes: UInt64 = 0
    let raw = UnsafeRawPointer(p)
    for k in 0..<4 {
        let v = _mm_loadu_si128(raw.advanced(by: 16 * k).assumingMemoryBound(to: __m128i.self))
        let shift = UInt64(16 * k)
        commas |= UInt64(UInt32(bitPattern: _mm_movemask_epi8(_mm_cmpeq_epi8(v, commaVector)))) << shift
        newlines |= UInt64(UInt32(bitPattern: _mm_movemask_epi8(_mm_cmpeq_epi8(v, newlineVector)))) << shift
        quotes |= UInt64(UInt32(bitPattern: _mm_movemask_epi8(_mm_cmpeq_epi8(v, quoteVector)))) << shift
    }
    return (commas, newlines, quotes)
}
#endif

/// Any architecture: standard-library SIMD compares, bits gathered with lane weights.
@inline(__always)
func structuralMasksPortable(_ p: UnsafePointer<UInt8>) -> (UInt64, UInt64, UInt64) {
    let weights = SIMD16<UInt8>(1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128)
    let zero = SIMD16<UInt8>(repeating: 0)
    @inline(__always) func bits(_ mask: SIMDMask<SIMD16<Int8>>) -> UInt64 {
        let selected = zero.replacing(with: weights, where: mask)
        return UInt64(selected.lowHalf.wrappedSum()) | UInt64(selected.highHalf.wrappedSum()) << 8
    }
    var commas: UInt64 = 0
    var newlines: UInt64 = 0
    var quotes: UInt64 = 0
    let raw = UnsafeRawPointer(p)
    for k in 0..<4 {
        let v = raw.loadUnaligned(fromByteOffset: 16 * k, as: SIMD16<UInt8>.self)
        let shift = UInt64(16 * k)
        commas |= bits(v .== SIMD16(repeating: 0x2C)) << shift
        newlines |= bits(v .== SIMD16(repeating: 0x0A)) << shift
        quotes |= bits(v .== SIMD16(repeating: 0x22)) << shift
    }
    return (commas, newlines, quotes)
}
