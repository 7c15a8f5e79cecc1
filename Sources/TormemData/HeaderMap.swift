import TormemCSV
import TormemCore

/// Column name → index for a header row, and typed access to a data row's cells by name.
public struct HeaderMap: Sendable {
    public let names: [String]
    private let index: [String: Int]

    public init(_ header: [String]) {
        names = header.map(normalizeColumn)
        var idx: [String: Int] = [:]
        for (i, n) in names.enumerated() where idx[n] == nil { idx[n] = i }
        index = idx
    }

    public subscript(name: String) -> Int? { index[name] }
    public var count: Int { names.count }
}

/// What a numeric cell holds.
public enum CellValue: Equatable {
    case missing
    case value(Double)
    case invalid(String)
    /// A number beyond any real measurement (it would overflow the charts' arithmetic).
    case tooLarge(String, limit: String)
}

extension CellValue {
    /// The number, for a readable cell.
    var number: Double? { if case .value(let v) = self { return v } else { return nil } }

    /// What is wrong with an unusable cell ("expected …, found …"); nil for a number or a missing cell.
    func complaint(expected: String) -> String? {
        switch self {
        case .value, .missing: return nil
        case .invalid(let s): return "expected \(expected), found \(quoted(s))"
        case .tooLarge(let s, let limit): return "expected a value of at most \(limit), found \(quoted(s))"
        }
    }
}

/// Largest accepted number in a measurement cell (10^13: ~9 EiB in KiB, far beyond any host).
let maximumMeasurement = 1e13
/// Largest accepted whole number (relay counts, process ids).
let maximumCount = 1e9

extension CSVRow {
    /// Reads a non-negative number; empty, `NOT_RUNNING` and `N/A` are missing.
    func number(at i: Int?) -> CellValue {
        guard let i, i < count else { return .missing }
        let f = self[i]
        if f.isEmpty { return .missing }
        if let v = f.double {
            if v > maximumMeasurement { return .tooLarge(f.string, limit: "1e13") }
            return v >= 0 ? .value(v) : .invalid(f.string)
        }
        if isMissingToken(f) { return .missing }
        return .invalid(f.string)
    }

    /// Reads a whole number; empty / missing tokens are missing.
    func integer(at i: Int?) -> CellValue {
        guard let i, i < count else { return .missing }
        let f = self[i]
        if f.isEmpty { return .missing }
        if let v = f.int64 {
            if Double(v) > maximumCount { return .tooLarge(f.string, limit: "1e9") }
            return v >= 0 ? .value(Double(v)) : .invalid(f.string)
        }
        if isMissingToken(f) { return .missing }
        return .invalid(f.string)
    }

    func text(at i: Int?) -> String {
        guard let i, i < count else { return "" }
        return self[i].string
    }
}

func isMissingToken(_ f: CSVField) -> Bool {
    if f.equals("NOT_RUNNING") || f.equals("N/A") { return true }
    let s = f.string
    let t = normalizeColumn(s)
    return t.isEmpty || t == "not_running" || t == "n/a"
}

/// Quotes a found value for a message, shortening very long ones.
func quoted(_ s: String) -> String {
    var t = s.count > 40 ? String(s.prefix(40)) + "…" : s
    t = t.replacingOccurrencesOfControlCharacters()
    return "\"" + t + "\""
}

extension String {
    func replacingOccurrencesOfControlCharacters() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0.value < 32 || $0.value == 127 ? "?" : $0 }))
    }
}
