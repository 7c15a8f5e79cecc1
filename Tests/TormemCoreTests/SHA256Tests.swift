import Testing
@testable import TormemCore

@Suite struct SHA256Tests {
    /// FIPS 180-4 / NIST examples, and lengths around the padding boundary (checked with sha256sum).
    @Test func knownDigests() {
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 55)) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 64)) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func piecesGiveTheSameDigestAsOneCall() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        for cut in [0, 1, 63, 64, 65, 500, 999] {
            var h = SHA256()
            h.update(Array(bytes[..<cut]))
            h.update(Array(bytes[cut...]))
            #expect(h.hexDigest() == SHA256.hex(bytes))
        }
    }

    /// The portable code and the processor's SHA instructions (where this machine has them) agree
    /// on every length around the block and padding boundaries, fed whole or in uneven pieces.
    @Test func portableAndHardwareBlocksAgree() {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<5000).map { _ in UInt8.random(in: 0...255, using: &rng) }
        for count in Array(0...200) + [447, 448, 511, 512, 513, 1023, 1024, 4095, 5000] {
            var portable = SHA256(), native = SHA256()
            portable.hardware = false
            var at = 0, step = 1
            while at < count {
                let end = min(count, at + step)
                portable.update(Array(bytes[at..<end]))
                native.update(Array(bytes[at..<end]))
                at = end; step = step * 3 + 1
            }
            #expect(portable.hexDigest() == native.hexDigest(), "\(count) bytes")
        }
        var portable = SHA256()
        portable.hardware = false
        portable.update([UInt8](repeating: 0x61, count: 1_000_000))
        #expect(portable.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
