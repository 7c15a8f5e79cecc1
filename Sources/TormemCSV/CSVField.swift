#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One field of a `CSVRow`: a view on its bytes with quotes removed and `""` unescaped.
/// Valid only inside the `forEachRow` callback that produced it.
public struct CSVField {
    let start: UnsafePointer<UInt8>
    /// The number of bytes in the field.
    public let count: Int

    init(start: UnsafePointer<UInt8>, count: Int) {
        self.start = start
        self.count = count
    }

    /// True for an empty cell (`a,,b`, or `""`).
    public var isEmpty: Bool { count == 0 }

    /// The field as a string; invalid UTF-8 is repaired with U+FFFD.
    public var string: String {
        String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    }

    /// Calls `body` with the field's bytes (valid only during the call).
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: start, count: count))
    }

    /// Exact byte comparison with a literal, without allocating.
    public func equals(_ ascii: StaticString) -> Bool {
        ascii.withUTF8Buffer { literal in
            guard literal.count == count else { return false }
            guard count > 0 else { return true }
            var i = 0
            while i < count {
                if literal[i] != start[i] { return false }
                i += 1
            }
            return true
        }
    }

    /// Exact byte comparison with stored bytes, without allocating. Inline, eight bytes at a time:
    /// the loader compares a few short fields of every row (time, server, relay id, group), where
    /// a call to `memcmp` cost more than the comparison.
    @inline(__always)
    public func equals(bytes: [UInt8]) -> Bool {
        guard bytes.count == count else { return false }
        if count == 0 { return true }
        return bytes.withUnsafeBufferPointer { b in
            let x = UnsafeRawPointer(start), y = UnsafeRawPointer(b.baseAddress!)
            var i = 0
            while i + 8 <= count {
                if x.loadUnaligned(fromByteOffset: i, as: UInt64.self) != y.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
                i += 8
            }
            while i < count {
                if start[i] != b[i] { return false }
                i += 1
            }
            return true
        }
    }
}
