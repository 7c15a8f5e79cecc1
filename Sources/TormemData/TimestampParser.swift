import TormemCore

/// Parses dates and times straight from bytes, without Foundation or allocation.
public enum TimestampParser {
    /// `YYYY-MM-DD` (surrounding spaces allowed).
    public static func date(_ b: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        var i = 0
        guard let d = date(b, &i), skipSpaces(b, i) == b.count else { return nil }
        return d
    }

    /// `HH:MM[:SS[.fff]]` → seconds of the day.
    public static func timeOfDay(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = skipSpaces(b, 0)
        guard let s = clock(b, &i), skipSpaces(b, i) == b.count else { return nil }
        return s
    }

    /// ISO 8601 date-time: `YYYY-MM-DD[T| ]HH:MM[:SS[.fff]][Z|±HH:MM|±HHMM]`, or a bare date (midnight).
    public static func timestamp(_ b: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        var i = 0
        guard let d = date(b, &i) else { return nil }
        var secs = Int64(d.daysSinceEpoch) * 86_400
        i = skipTrailingSpacesOnly(b, i)
        if i == b.count { return Timestamp(seconds: secs) }
        guard b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: " ") else { return nil }
        i += 1
        guard let s = clock(b, &i) else { return nil }
        secs += Int64(s)
        if i < b.count, b[i] == UInt8(ascii: "Z") {
            i += 1
        } else if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let sign: Int64 = b[i] == UInt8(ascii: "+") ? 1 : -1
            i += 1
            guard let hh = digits(b, &i, 2), hh < 24 else { return nil }
            if i < b.count, b[i] == UInt8(ascii: ":") { i += 1 }
            guard let mm = digits(b, &i, 2), mm < 60 else { return nil }
            secs -= sign * Int64(hh * 3600 + mm * 60)
        }
        guard skipSpaces(b, i) == b.count else { return nil }
        return Timestamp(seconds: secs)
    }

    // MARK: - pieces

    static func date(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> CivilDate? {
        i = skipSpaces(b, i)
        guard let y = digits(b, &i, 4), expect(b, &i, "-"), let m = digits(b, &i, 2), expect(b, &i, "-"),
              let d = digits(b, &i, 2) else { return nil }
        let c = CivilDate(year: y, month: m, day: d)
        return c.isValid ? c : nil
    }

    static func clock(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Int? {
        guard let h = digits(b, &i, 2), h < 24, expect(b, &i, ":"), let m = digits(b, &i, 2), m < 60 else {
            return nil
        }
        var s = 0
        if i < b.count, b[i] == UInt8(ascii: ":") {
            i += 1
            guard let v = digits(b, &i, 2), v < 61 else { return nil }
            s = min(v, 59)
            if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                i += 1
                let start = i
                while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
                if i == start { return nil }
            }
        }
        return h * 3600 + m * 60 + s
    }

    static func digits(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ n: Int) -> Int? {
        guard i + n <= b.count else { return nil }
        var v = 0
        for k in i..<(i + n) {
            let c = b[k]
            guard c >= 48, c <= 57 else { return nil }
            v = v * 10 + Int(c - 48)
        }
        i += n
        return v
    }

    static func expect(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ c: Unicode.Scalar) -> Bool {
        guard i < b.count, b[i] == UInt8(ascii: c) else { return false }
        i += 1
        return true
    }

    static func skipSpaces(_ b: UnsafeBufferPointer<UInt8>, _ i0: Int) -> Int {
        var i = i0
        while i < b.count, b[i] == 32 || b[i] == 9 { i += 1 }
        return i
    }

    static func skipTrailingSpacesOnly(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        skipSpaces(b, i) == b.count ? b.count : i
    }
}

extension TimestampParser {
    /// Convenience for tests and small inputs.
    public static func timestamp(_ s: String) -> Timestamp? {
        var s = s
        return s.withUTF8 { timestamp($0) }
    }

    public static func date(_ s: String) -> CivilDate? {
        var s = s
        return s.withUTF8 { date($0) }
    }
}
