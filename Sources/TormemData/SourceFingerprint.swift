/// What a source read, as a chart's fingerprint names it (`ChartSource`): each input by name with
/// the SHA-256 of its bytes. Equal fingerprints mean the charts were drawn from the same data.
public struct SourceFingerprint: Equatable, Sendable {
    /// One input: `measurements.csv` and its digest (64 lowercase hexadecimal digits).
    public struct Entry: Equatable, Sendable {
        public var name: String
        public var sha256: String

        public init(name: String, sha256: String) { self.name = name; self.sha256 = sha256 }
    }

    /// The data, in the order it was given (an input given twice is named twice).
    public var data: [Entry]
    /// The side files, sorted by name; none for a source without any.
    public var sideFiles: [Entry]

    public init(data: [Entry], sideFiles: [Entry] = []) { self.data = data; self.sideFiles = sideFiles }
}
