import TormemCore

/// What one `collect` run did.
public struct CollectSummary: Equatable, Sendable {
    public var snapshot: HostSnapshot
    /// The measurements file appended to, if any.
    public var measurementsPath: String?
    /// The header was written (new or restarted file).
    public var wroteHeader = false
    public var prometheusPath: String?
    public var diagnosticsPath: String?
    /// Header and rows for standard output (`--stdout`), else nil.
    public var printed: String?
    /// What should be said: files that could not be used (a malformed `state` or consensus), and
    /// what the run left as it found (a report folder's own relay_config.csv).
    public var warnings: [Diagnostic] = []

    /// Starts with the snapshot's warnings (files that could not be used).
    public init(snapshot: HostSnapshot) { self.snapshot = snapshot; warnings = snapshot.warnings }
}
