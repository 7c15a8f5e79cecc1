import TormemCore

/// Collects per-row problems: counts all of them, keeps the first few messages in full.
public struct RowProblems {
    /// How many row problems a loaded file lists in full.
    public static let keep = 20
    var skipped = 0
    var diagnostics: [Diagnostic] = []

    mutating func skip(_ d: Diagnostic) {
        skipped += 1
        if diagnostics.count < RowProblems.keep { diagnostics.append(d) }
    }
}
