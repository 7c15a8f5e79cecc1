import TormemCore

/// The four input formats of the spec, recognised from a file's header row.
public enum InputFormat: String, CaseIterable, Sendable {
    case monitor, unified, experiment, snapshot

    /// A one-line description used in the "unknown header" message.
    public var headerSummary: String {
        switch self {
        case .monitor: return "monitor (date,time,num_relays,total_mb,avg_mb,min_mb,max_mb[,total_kb,...])"
        case .unified: return UnifiedColumns.summary
        case .experiment: return "experiment (group,relay,day0,day1,...)"
        case .snapshot: return "snapshot (relay,pid,rss_gb,vmsize_gb,hwm_gb,frag_ratio)"
        }
    }

    /// Detects the format from header names (case-insensitive, surrounding spaces ignored).
    public static func detect(header: [String]) -> InputFormat? {
        let names = Set(header.map(normalizeColumn))
        if monitor.hasRequired(names) { return .monitor }
        if unified.hasRequired(names) { return .unified }
        let cols = header.map(normalizeColumn)
        if cols.count >= 3, cols[0] == "group", cols[1] == "relay", cols.dropFirst(2).contains(where: { dayIndex($0) != nil }) {
            return .experiment
        }
        if snapshot.hasRequired(names) { return .snapshot }
        return nil
    }

    /// The columns a header of this format must have, by name: each entry is a choice (one of them
    /// will do). An experiment header must also start with `group,relay` and have a `dayN` column.
    public var requiredColumns: [[String]] {
        switch self {
        case .monitor: return [["date"], ["time"], ["num_relays"], ["total_mb", "total_kb"]]
        case .unified: return UnifiedColumns.identifying.map { [$0] } + [UnifiedColumns.aggregateEither]
        case .experiment: return [["group"], ["relay"]]
        case .snapshot: return [["relay"], ["rss_gb"]]
        }
    }

    /// Every column the format's reader knows (an experiment's `dayN` columns aside).
    public var knownColumns: [String] {
        switch self {
        case .monitor: return ["date", "time", "num_relays", "total_mb", "avg_mb", "min_mb", "max_mb",
                               "total_kb", "avg_kb", "min_kb", "max_kb"]
        case .unified: return UnifiedColumns.all
        case .experiment: return ["group", "relay"]
        case .snapshot: return ["relay", "pid", "rss_gb", "vmsize_gb", "hwm_gb", "frag_ratio"]
        }
    }

    /// Whether normalised `names` hold every required column (one of each choice).
    func hasRequired(_ names: Set<String>) -> Bool {
        requiredColumns.allSatisfy { $0.contains(where: names.contains) }
    }

    /// The reader for rows under `header`; `partRange` is the byte range of the file it will see
    /// (two-part loading of unified files).
    func reader(file: String, header: HeaderMap, partRange: Range<Int>? = nil, metrics: [Metric] = [.rss]) -> any RowReader {
        switch self {
        case .monitor: return MonitorRowReader(file: file, header: header)
        case .unified: return UnifiedRowReader(file: file, header: header, partRange: partRange, metrics: metrics)
        case .experiment: return ExperimentRowReader(file: file, header: header)
        case .snapshot: return SnapshotRowReader(file: file, header: header)
        }
    }

    /// Why a file of this format cannot give the per-relay quantities asked for (`--metric`), or nil:
    /// a unified header without the quantity's column, an experiment table (RSS per day only).
    /// Monitor files hold no per-relay series, and snapshots every quantity: nothing to say.
    static func missingMetricMessage(_ format: InputFormat, header: HeaderMap, metrics: [Metric]) -> String? {
        guard let m = metrics.first(where: { $0 != .rss }) else { return nil }
        switch format {
        case .unified:
            guard let missing = metrics.first(where: { $0 != .rss && header[$0.column] == nil }) else { return nil }
            return "no \(missing.column) column for --metric \(missing.rawValue) (\(missing.name)); the header has "
                + MessageText.quoted(header.names.prefix(16).joined(separator: ","))
        case .experiment:
            return "an experiment table holds RSS per relay per day only; --metric \(m.rawValue) needs unified rows with a \(m.column) column"
        case .monitor, .snapshot:
            return nil
        }
    }

    /// `day7` → 7.
    public static func dayIndex(_ column: String) -> Int? {
        guard column.hasPrefix("day") else { return nil }
        let digits = column.utf8.dropFirst(3)
        guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy({ (48...57).contains($0) }),
              let day = Int(column.dropFirst(3)), day <= maxDay else { return nil }
        return day
    }

    /// The last day an experiment column may name (`day36500`, 100 years): a larger number is no
    /// day of an experiment, and would overflow the charts' day arithmetic.
    public static let maxDay = 36_500

    /// The message for a header holding a bare carriage return: a file whose line ends are CR only
    /// (classic Mac OS) reads as one line. Nil for any other header.
    public static func carriageReturnMessage(header: [String]) -> String? {
        guard header.contains(where: { $0.utf8.contains(13) }) else { return nil }
        return "line ends are CR only; expected LF or CRLF line ends (convert with: tr '\\r' '\\n')"
    }

    /// The message for a header no format matches: what a header close to one format lacks (see
    /// `NearFormat`), else the formats there are.
    public static func unknownHeaderMessage(found header: [String]) -> String {
        if let near = NearFormat(header: header) { return near.message }
        let shown = MessageText.quoted(header.prefix(8).joined(separator: ",") + (header.count > 8 ? ",..." : ""))
        return "unrecognised header \(shown); expected one of: "
            + allCases.map(\.headerSummary).joined(separator: "; ")
    }
}

/// Lower-cased, trimmed column name.
public func normalizeColumn(_ s: String) -> String {
    var t = Substring(s)
    while let f = t.first, f == " " || f == "\t" { t = t.dropFirst() }
    while let l = t.last, l == " " || l == "\t" { t = t.dropLast() }
    return t.lowercased()
}
