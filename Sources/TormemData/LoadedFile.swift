import TormemCore

/// What reading one input file produced.
public struct LoadedFile: Sendable {
    public var path: String
    public var content: FileContent
    /// Data rows read (not counting header, comments and blank lines).
    public var rows: Int
    /// Rows that could not be read and were skipped.
    public var skipped: Int
    /// Problems found: every skipped row's reason (the first ones) and file-wide notes.
    public var warnings: [Diagnostic]
    /// What the file's comment lines say (group definitions, collection time, host).
    public var metadata: CommentMetadata
    /// The SHA-256 of an input that cannot be read again (standard input, a pipe), taken as it was
    /// read; nil for files.
    public var streamDigest: String?

    public init(path: String, content: FileContent, rows: Int = 0, skipped: Int = 0, warnings: [Diagnostic] = [],
                metadata: CommentMetadata = CommentMetadata()) {
        self.path = path; self.content = content; self.rows = rows; self.skipped = skipped
        self.warnings = warnings; self.metadata = metadata
    }

    public var format: InputFormat { content.format }

    /// Aggregate series per server (monitor, unified); empty for formats without a time series.
    public var servers: [AggregateSeries] {
        switch content {
        case .monitor(let s), .unified(let s, _): return s
        case .experiment, .snapshot: return []
        }
    }

    /// Per-relay series (unified relay rows); empty for other formats.
    public var relays: RelayTable {
        if case .unified(_, let relays) = content { return relays }
        return RelayTable(relays: [])
    }

    /// RSS per relay per day (experiment format).
    public var daily: DailyTable? {
        if case .experiment(let table) = content { return table }
        return nil
    }

    /// A point-in-time reading (snapshot format).
    public var snapshot: SnapshotTable? {
        if case .snapshot(let table) = content { return table }
        return nil
    }

    /// Names the aggregate series of a file without a server column (monitor).
    public mutating func renameServers(to name: String) {
        if case .monitor(var series) = content {
            for i in series.indices { series[i].server = name }
            content = .monitor(series)
        }
    }
}
