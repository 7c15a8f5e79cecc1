extension Int {
    /// `self + other`, held at `Int.max` or `Int.min` instead of trapping on overflow (sums of
    /// numbers read from files).
    public func saturatingAdd(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }

    /// `self × other`, held at `Int.max` or `Int.min` instead of trapping on overflow.
    public func saturatingMultiply(_ other: Int) -> Int {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? ((self < 0) == (other < 0) ? .max : .min) : product
    }
}

extension Sequence where Element == Int {
    /// The sum, held at `Int.max` or `Int.min` instead of trapping on overflow.
    public func saturatingSum() -> Int { reduce(0) { $0.saturatingAdd($1) } }
}
