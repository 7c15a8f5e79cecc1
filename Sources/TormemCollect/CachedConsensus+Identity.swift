/// How a consensus names a relay: the `r` line's identity is the base64 of the relay's 20-byte
/// fingerprint, without the `=` padding.
extension CachedConsensus {
    /// The consensus identity of a fingerprint: base64 of its 20 bytes without the `=` padding
    /// (27 characters); nil when it is not 40 hex digits.
    public static func identity(fingerprint: String) -> String? {
        let hex = Array(fingerprint.utf8)
        guard hex.count == 40 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        for i in stride(from: 0, to: 40, by: 2) {
            guard let hi = nibble(hex[i]), let lo = nibble(hex[i + 1]) else { return nil }
            bytes.append(hi << 4 | lo)
        }
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let b0 = bytes[i], b1 = i + 1 < bytes.count ? bytes[i + 1] : 0, b2 = i + 2 < bytes.count ? bytes[i + 2] : 0
            let n = Int(b0) << 16 | Int(b1) << 8 | Int(b2)
            let chars = min(4, (bytes.count - i) * 4 / 3 + ((bytes.count - i) % 3 == 0 ? 0 : 1))
            for k in 0..<chars { out.append(alphabet[(n >> (18 - 6 * k)) & 63]) }
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: return c - 48
        case 65...70: return c - 55
        case 97...102: return c - 87
        default: return nil
        }
    }
}
