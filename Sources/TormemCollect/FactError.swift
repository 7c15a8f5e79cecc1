/// Why a file that tells a relay's facts (start time, bandwidth history, consensus entry) could
/// not be used: the collector names the file with it in one warning and leaves the column empty.
public struct FactError: Error, Equatable, Sendable, CustomStringConvertible {
    public var reason: String

    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}
