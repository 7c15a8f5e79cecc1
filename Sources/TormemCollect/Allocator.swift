/// The malloc implementation a relay uses, and how that was seen.
public struct Allocator: Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        case jemalloc, mimalloc, tcmalloc, glibc, unknown
    }

    public enum Evidence: String, Sendable {
        /// `LD_PRELOAD` in the process environment.
        case preload = "LD_PRELOAD"
        /// A library mapped into the process (`/proc/PID/maps`).
        case maps
        /// Nothing seen, nothing readable.
        case none
    }

    public var kind: Kind
    public var evidence: Evidence

    public init(kind: Kind, evidence: Evidence) { self.kind = kind; self.evidence = evidence }

    /// `jemalloc`, `glibc (default)`, `unknown`.
    public var name: String {
        switch kind {
        case .glibc: return "glibc (default)"
        default: return kind.rawValue
        }
    }

    /// The name with its evidence: `jemalloc (LD_PRELOAD)`.
    public var description: String {
        switch (kind, evidence) {
        case (.glibc, _), (.unknown, _): return name
        case (_, .preload): return "\(name) (LD_PRELOAD)"
        case (_, .maps): return "\(name) (mapped library)"
        case (_, .none): return name
        }
    }
}
