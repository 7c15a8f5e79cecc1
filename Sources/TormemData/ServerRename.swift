import TormemCore

/// A host that collected under one name and then under another: one server, shown as
/// `NEW (was OLD)`.
public struct ServerRename: Equatable, Sendable {
    public var old: String
    public var new: String
    /// Forced by `--server-alias`, rather than found in the data.
    public var forced: Bool

    public init(old: String, new: String, forced: Bool) { self.old = old; self.new = new; self.forced = forced }

    /// The share of relays two servers have in common for a rename (of the smaller set).
    public static let minimumOverlap = 0.9
}
