import TormemCore

/// Collects per-row problems: counts all of them, keeps the first few messages in full.
struct RowProblems {
    static let keep = 20
    var skipped = 0
    var diagnostics: [Diagnostic] = []

    mutating func skip(_ d: Diagnostic) {
        skipped += 1
        if diagnostics.count < RowProblems.keep { diagnostics.append(d) }
    }

    mutating func note(_ d: Diagnostic) { diagnostics.append(d) }
}
