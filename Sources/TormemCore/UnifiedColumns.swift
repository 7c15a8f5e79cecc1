/// The columns of the unified format (SPEC §1), written once: the collector writes them in this
/// order, the reader looks them up by name, and format detection requires `identifying`.
public enum UnifiedColumns {
    public static let all = memory + facts

    /// The columns of memory alone: the whole layout before the fact columns (older files have
    /// these, or fewer).
    public static let memory = ["timestamp", "server", "type", "fingerprint", "nickname", "group",
                                "rss_kb", "vmsize_kb", "hwm_kb", "frag_ratio",
                                "count", "total_kb", "avg_kb", "min_kb", "max_kb"]

    /// What a relay row says besides memory (SPEC §6 "Quantities"), appended after `max_kb`: when the
    /// process started (UTC ISO 8601), the allocator it has mapped, tor's own bandwidth history (bytes
    /// of the last complete interval, per day), and its flags (space-separated) and weight in the
    /// newest cached consensus. Older files lack them; an empty cell is not known.
    public static let facts = [started, allocator, readBytesDay, writtenBytesDay, flags, consensusWeight]
    public static let started = "started"
    public static let allocator = "allocator"
    public static let readBytesDay = "read_bytes_day"
    public static let writtenBytesDay = "written_bytes_day"
    public static let flags = "flags"
    public static let consensusWeight = "consensus_weight"

    /// Columns every unified header has; with `total_kb` or `count` they tell the format apart.
    public static let identifying = ["timestamp", "type", "rss_kb"]
    /// One of these must be present too.
    public static let aggregateEither = ["total_kb", "count"]

    /// How the unknown-header message describes the format.
    public static let summary = "unified (timestamp,server,type,fingerprint,nickname[,group],rss_kb,...,total_kb,...)"
}
