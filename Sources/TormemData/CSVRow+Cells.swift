import TormemCSV
import TormemCore

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

/// Quotes a found value for a message, shortening very long ones (`MessageText`).
func quoted(_ s: String) -> String { MessageText.quoted(s, maxBytes: 40) }

