import TormemCore

/// Whether a group's memory fragmented: FRAGMENTED when, after the first day, its mean grew to more
/// than `factor` × its post-change minimum and ends above that minimum by the same factor.
public enum FragmentationStatus: String, Equatable, Sendable {
    case stable = "STABLE"
    case fragmented = "FRAGMENTED"

    public static let defaultFactor = 2.0

    /// `means` are a group's daily means (NaN = no data), day order; the first day is the
    /// pre-change (or restart) reading and is not part of the rule.
    public static func classify(_ means: [Double], factor: Double = defaultFactor) -> FragmentationStatus {
        let after = means.dropFirst().filter { !$0.isNaN }
        guard let minimum = after.min(), let last = after.last, minimum > 0 else { return .stable }
        let minIndex = after.firstIndex(of: minimum)!
        let grew = after[minIndex...].contains { $0 > factor * minimum }
        return grew && last > factor * minimum ? .fragmented : .stable
    }
}
