/// Exact powers of ten, 10^0 ... 10^22 (all representable as Double).
private let powersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]

private let zero = UInt8(ascii: "0")
private let plus = UInt8(ascii: "+")
private let minus = UInt8(ascii: "-")
private let dot = UInt8(ascii: ".")

extension CSVField {
    /// The byte range with surrounding spaces and tabs trimmed.
    @inline(__always)
    private func trimmedRange() -> (Int, Int) {
        var i = 0
        var e = count
        while i < e && (start[i] == 0x20 || start[i] == 0x09) { i += 1 }
        while e > i && (start[e - 1] == 0x20 || start[e - 1] == 0x09) { e -= 1 }
        return (i, e)
    }

    /// The field as an integer, parsed from the bytes: optional surrounding spaces/tabs,
    /// an optional `+` or `-`, then decimal digits only.
    /// `nil` when empty, for anything else (`1e3`, `1.0`, `12abc`), and on overflow.
    public var int64: Int64? {
        var (i, e) = trimmedRange()
        if i == e { return nil }
        var negative = false
        if start[i] == minus || start[i] == plus {
            negative = start[i] == minus
            i += 1
            if i == e { return nil }
        }
        if e - i <= 18 {  // cannot overflow
            var value: Int64 = 0
            while i < e {
                let digit = start[i] &- zero
                if digit > 9 { return nil }
                value = value &* 10 &+ Int64(digit)
                i &+= 1
            }
            return negative ? -value : value
        }
        var value: UInt64 = 0
        while i < e {
            let digit = start[i] &- zero
            if digit > 9 { return nil }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(digit))
            if o1 || o2 { return nil }
            value = sum
            i += 1
        }
        if negative {
            if value > UInt64(Int64.max) + 1 { return nil }
            return value == UInt64(Int64.max) + 1 ? Int64.min : -Int64(value)
        }
        if value > UInt64(Int64.max) { return nil }
        return Int64(value)
    }

    /// The field as a decimal number, parsed from the bytes:
    /// optional surrounding spaces/tabs, then `[+|-] digits [. digits] [(e|E) [+|-] digits]`
    /// with at least one mantissa digit (`.5` and `5.` are accepted).
    /// `nil` when empty, for anything else (`nan`, `inf`, `0x1p3`, `1e`, `12abc`), and when
    /// the value is not finite (`1e400`). The result is correctly rounded and equals
    /// `Double(String)` of the trimmed text.
    public var double: Double? {
        let (first, e) = trimmedRange()
        var i = first
        if i == e { return nil }
        var negative = false
        if start[i] == minus || start[i] == plus {
            negative = start[i] == minus
            i += 1
        }
        var mantissa: UInt64 = 0
        var significant = 0  // digits kept in `mantissa` (leading zeros excluded)
        var exponent = 0  // decimal exponent applied to `mantissa`
        var truncated = false  // more than 19 significant digits: take the exact slow path
        var digits = 0
        while i < e {
            let digit = start[i] &- zero
            if digit > 9 { break }
            digits += 1
            if significant < 19 {
                if mantissa != 0 || digit != 0 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    significant += 1
                }
            } else {
                truncated = true
                exponent += 1
            }
            i += 1
        }
        if i < e && start[i] == dot {
            i += 1
            while i < e {
                let digit = start[i] &- zero
                if digit > 9 { break }
                digits += 1
                if significant < 19 {
                    if mantissa != 0 || digit != 0 {
                        mantissa = mantissa &* 10 &+ UInt64(digit)
                        significant += 1
                    }
                    exponent -= 1
                } else {
                    truncated = true
                }
                i += 1
            }
        }
        if digits == 0 { return nil }
        if i < e && (start[i] | 0x20) == UInt8(ascii: "e") {
            i += 1
            var exponentNegative = false
            if i < e && (start[i] == minus || start[i] == plus) {
                exponentNegative = start[i] == minus
                i += 1
            }
            var value = 0
            var exponentDigits = 0
            while i < e {
                let digit = start[i] &- zero
                if digit > 9 { break }
                if value < 1_000_000 { value = value * 10 + Int(digit) }
                exponentDigits += 1
                i += 1
            }
            if exponentDigits == 0 { return nil }
            exponent += exponentNegative ? -value : value
        }
        if i != e { return nil }

        if mantissa == 0 && !truncated { return negative ? -0.0 : 0.0 }
        // Clinger's fast path: both operands exact, one correctly rounded operation.
        if !truncated && mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
            let m = Double(mantissa)
            let value = exponent >= 0 ? m * powersOfTen[exponent] : m / powersOfTen[-exponent]
            return negative ? -value : value
        }
        // Rare (very long mantissas, large exponents): the standard library's exact parser.
        let text = String(decoding: UnsafeBufferPointer(start: start + first, count: e - first), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }
}
