extension CSVField {
    /// True when the bytes are well-formed UTF-8 (no overlongs, surrogates, or values
    /// above U+10FFFF). An empty field is valid.
    public var isValidUTF8: Bool {
        var i = 0
        let n = count
        let p = start
        while i < n {
            let b0 = p[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            // Lowest and highest allowed second byte for this lead byte.
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return false
            }
            if i + length > n { return false }
            let b1 = p[i + 1]
            if b1 < low || b1 > high { return false }
            var k = 2
            while k < length {
                if p[i + k] & 0xC0 != 0x80 { return false }
                k += 1
            }
            i += length
        }
        return true
    }
}
