/// What a consensus says of one relay: its flags (`s` line) and weight (`w Bandwidth=`).
public struct ConsensusEntry: Equatable, Sendable {
    /// As the consensus lists them (tor sorts them).
    public var flags: [String]
    /// `Bandwidth=` of the `w` line; nil when there is none or it is no whole number.
    public var weight: Int?

    public init(flags: [String] = [], weight: Int? = nil) { self.flags = flags; self.weight = weight }

    /// The `flags` column: space-separated.
    public var flagsText: String { flags.joined(separator: " ") }
}
