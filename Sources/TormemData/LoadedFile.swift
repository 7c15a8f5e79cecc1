import TormemCore

/// What reading one input file produced.
public struct LoadedFile: Sendable {
    public var path: String
    public var format: InputFormat
    /// Aggregate series per server (monitor, unified); empty for formats without a time series.
    public var servers: [AggregateSeries]
    /// Data rows read (not counting header, comments and blank lines).
    public var rows: Int
    /// Rows that could not be read and were skipped.
    public var skipped: Int
    /// Problems found: every skipped row's reason (the first ones) and file-wide notes.
    public var warnings: [Diagnostic]
    /// Per-relay series (unified relay rows); empty for other formats.
    public var relays = RelayTable(relays: [])
    /// RSS per relay per day (experiment format).
    public var daily: DailyTable?
    /// A point-in-time reading (snapshot format).
    public var snapshot: SnapshotTable?
    /// What the file's comment lines say (group definitions, collection time, host).
    public var metadata = CommentMetadata()

    public init(path: String, format: InputFormat, servers: [AggregateSeries] = [], rows: Int = 0,
                skipped: Int = 0, warnings: [Diagnostic] = []) {
        self.path = path; self.format = format; self.servers = servers
        self.rows = rows; self.skipped = skipped; self.warnings = warnings
    }
}
