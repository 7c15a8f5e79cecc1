/// The columns of the unified format (SPEC §1), written once: the collector writes them in this
/// order, the reader looks them up by name, and format detection requires `identifying`.
public enum UnifiedColumns {
    public static let all = ["timestamp", "server", "type", "fingerprint", "nickname", "group",
                             "rss_kb", "vmsize_kb", "hwm_kb", "frag_ratio",
                             "count", "total_kb", "avg_kb", "min_kb", "max_kb"]

    /// Columns every unified header has; with `total_kb` or `count` they tell the format apart.
    public static let identifying = ["timestamp", "type", "rss_kb"]
    /// One of these must be present too.
    public static let aggregateEither = ["total_kb", "count"]

    /// How the unknown-header message describes the format.
    public static let summary = "unified (timestamp,server,type,fingerprint,nickname[,group],rss_kb,...,total_kb,...)"
}
