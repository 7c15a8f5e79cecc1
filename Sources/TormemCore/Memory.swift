/// An amount of memory. Stored in KiB, the unit of `/proc` and of every data file; GB (1 GB = 1024 MiB
/// = 1,048,576 KiB, as in the charts) only on the way out. Unknown is NaN, never zero.
public struct Memory: Equatable, Hashable, Comparable, Sendable {
    public var kib: Double

    public init(kib: Double) { self.kib = kib }
    public init(kib: Int) { self.kib = Double(kib) }
    public init(mib: Double) { kib = mib * 1024 }
    public init(gb: Double) { kib = gb * Memory.kibPerGB }

    /// KiB in one GB.
    public static let kibPerGB = 1_048_576.0
    public static let zero = Memory(kib: 0.0)
    public static let unknown = Memory(kib: Double.nan)

    public var gb: Double { kib / Memory.kibPerGB }
    public var isKnown: Bool { !kib.isNaN }

    public static func < (a: Memory, b: Memory) -> Bool { a.kib < b.kib }
    public static func + (a: Memory, b: Memory) -> Memory { Memory(kib: a.kib + b.kib) }
    public static func * (a: Memory, n: Double) -> Memory { Memory(kib: a.kib * n) }
    public static func / (a: Memory, n: Double) -> Memory { Memory(kib: a.kib / n) }
}

extension Memory {
    /// A column of KiB values (as the data layer stores them) in GB (as the charts draw them).
    public static func gb(fromKiB column: [Double]) -> [Double] { column.map { $0 / kibPerGB } }
}
