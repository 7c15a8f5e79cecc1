import TormemCore

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
