import TormemCore

/// What a `DataSource` read: the typed samples (`LoadedFile`s: aggregate series, relay tables,
/// experiment tables, snapshots), already cut to the time window asked for, the side files, and
/// the fingerprint of the inputs, which may still be computed while the data is analysed.
public struct SourceData: Sendable {
    public var files: [LoadedFile]
    public var side: SideFiles
    /// The time window the samples were cut to, when one was asked for.
    public var window: TimeWindow.Applied?
    private let fingerprinting: @Sendable () throws(TormemError) -> SourceFingerprint

    /// `fingerprint`: computes the fingerprint of what was read (it may wait for digests taken
    /// while reading, and read what could not be hashed then).
    public init(files: [LoadedFile], side: SideFiles = SideFiles(), window: TimeWindow.Applied? = nil,
                fingerprint: @escaping @Sendable () throws(TormemError) -> SourceFingerprint) {
        self.files = files; self.side = side; self.window = window
        fingerprinting = fingerprint
    }

    /// The name and SHA-256 of every input read. Ask for it as late as possible: the digests of
    /// large files are computed on another core meanwhile.
    public func fingerprint() throws(TormemError) -> SourceFingerprint { try fingerprinting() }
}
