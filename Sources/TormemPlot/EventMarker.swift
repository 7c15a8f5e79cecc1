/// Something that happened at x (a restart, a configuration change), drawn as a dotted vertical line
/// with a short label; events too close together share one label.
public struct EventMarker: Equatable, Sendable {
    public var x: Double
    /// The label when the event stands alone (`restart: full fleet restart`).
    public var label: String
    /// What kind of event it is, to name a cluster (`3 events: restart, config_change`).
    public var kind: String

    public init(x: Double, label: String, kind: String) { self.x = x; self.label = label; self.kind = kind }
}
