/// The malloc implementation a relay uses, and how that was seen.
public struct Allocator: Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        case jemalloc, mimalloc, tcmalloc, glibc, unknown
    }

    public enum Evidence: String, Sendable {
        /// `LD_PRELOAD` in the process environment (only when `maps` cannot be read: a preload
        /// that failed to load is no proof).
        case preload = "LD_PRELOAD"
        /// A library mapped into the process (`/proc/PID/maps`).
        case maps
        /// Nothing seen, nothing readable.
        case none
    }

    public var kind: Kind
    public var evidence: Evidence
    /// The version the mapped file's name gives (`libmimalloc.so.2.0` → `2.0`), when it says one.
    public var version: String?

    public init(kind: Kind, evidence: Evidence, version: String? = nil) {
        self.kind = kind; self.evidence = evidence; self.version = version
    }

    /// `jemalloc`, `mimalloc 2.0`, `glibc (default)`, `unknown`.
    public var name: String {
        switch kind {
        case .glibc: return "glibc (default)"
        default: return kind.rawValue + (version.map { " " + $0 } ?? "")
        }
    }

    /// The `allocator` column: `jemalloc`, `mimalloc 2.0`, `tcmalloc`, `glibc`; empty when unknown.
    public var column: String {
        switch kind {
        case .glibc: return "glibc"
        case .unknown: return ""
        default: return kind.rawValue + (version.map { " " + $0 } ?? "")
        }
    }

    /// The name with its evidence: `jemalloc (mapped library)`, `jemalloc (LD_PRELOAD)`.
    public var description: String {
        switch (kind, evidence) {
        case (.glibc, _), (.unknown, _): return name
        case (_, .preload): return "\(name) (LD_PRELOAD)"
        case (_, .maps): return "\(name) (mapped library)"
        case (_, .none): return name
        }
    }
}
