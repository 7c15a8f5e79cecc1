import TormemCore

/// A per-relay quantity a data file can carry (SPEC §6 "Quantities"): its column in the unified
/// format, how it is stored (KiB for memory, as `/proc` gives it; a plain number otherwise), how it
/// is shown (GB for memory) and what charts and reports call it. `--metric` picks the one the
/// per-relay and group charts, verdicts and summaries are about; the fleet's totals stay RSS.
public enum Metric: String, CaseIterable, Sendable, Hashable {
    /// Resident set size (VmRSS): what the charts are about by default.
    case rss
    /// Peak resident set size (VmHWM).
    case hwm
    /// Virtual memory size (VmSize).
    case vmsize
    /// VmSize / RSS per relay (`frag_ratio`): how much of the address space is not resident.
    case frag

    /// The unified format's column (SPEC §1).
    public var column: String {
        switch self {
        case .rss: return "rss_kb"
        case .hwm: return "hwm_kb"
        case .vmsize: return "vmsize_kb"
        case .frag: return "frag_ratio"
        }
    }

    /// The snapshot format's column.
    public var snapshotColumn: String {
        switch self {
        case .rss: return "rss_gb"
        case .hwm: return "hwm_gb"
        case .vmsize: return "vmsize_gb"
        case .frag: return "frag_ratio"
        }
    }

    /// Whether it is an amount of memory (stored in KiB, shown in GB): the fragmentation rule
    /// (2× its minimum, the zone) and memory totals apply only to these.
    public var isMemory: Bool { self != .frag }

    /// What a title or sentence calls it: "RSS", "peak RSS (VmHWM)".
    public var name: String {
        switch self {
        case .rss: return "RSS"
        case .hwm: return "peak RSS (VmHWM)"
        case .vmsize: return "virtual size (VmSize)"
        case .frag: return "fragmentation ratio (VmSize / RSS)"
        }
    }

    /// The short form for axis titles and table headers: "RSS", "VmHWM".
    public var shortName: String {
        switch self {
        case .rss: return "RSS"
        case .hwm: return "VmHWM"
        case .vmsize: return "VmSize"
        case .frag: return "VmSize / RSS"
        }
    }

    /// The unit of shown values: "GB", or "×" for a ratio.
    public var unit: String { isMemory ? "GB" : "×" }

    /// A stored value (KiB for memory) in the shown unit (GB for memory).
    @inline(__always)
    public func shown(_ stored: Double) -> Double { isMemory ? stored / Memory.kibPerGB : stored }

    /// `1.23 GB`, `2.40×` (`decimals` for memory; ratios keep two).
    public func text(_ shownValue: Double, decimals: Int = 2) -> String {
        isMemory ? NumberFormat.fixed(shownValue, decimals: decimals) + " GB" : NumberFormat.fixed(shownValue, decimals: 2) + "×"
    }

    /// What a value of the column must be, for messages.
    public var expected: String { isMemory ? "a non-negative number of KiB" : "a non-negative ratio" }

    /// The `--metric` values, for help and messages: `rss|hwm|vmsize|frag`.
    public static var choices: String { allCases.map(\.rawValue).joined(separator: "|") }
}
