import TormemCore

/// The server of a monitor file, which has no server column: `--title`, else `experiment.json`'s
/// `server`, else the host part of the report folder it sits in (`2025-09-18-co-guard-…` → `co`),
/// else the file's own name when that names something (`host1.csv`); never a conventional data file
/// name such as `data` or `measurements`.
public enum MonitorServerName {
    static let conventional: Set<String> = ["data", "measurements", "memory_measurements", "memory", "memory_stats", "monitor"]

    public static func resolve(path: String, title: String?, experiment: ExperimentInfo?) -> String {
        if let t = title, !t.isEmpty { return t }
        if let s = experiment?.server, !s.isEmpty { return s }
        let parts = path.split(separator: "/").map(String.init)
        if parts.count >= 2, let host = reportHost(parts[parts.count - 2]) { return host }
        let stem = serverName(fromPath: path)
        return conventional.contains(stem.lowercased()) ? "server" : stem
    }

    /// `HOST` of a report folder name `YYYY-MM-DD-HOST-description`.
    static func reportHost(_ folder: String) -> String? {
        let parts = folder.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 4, TimestampParser.date(parts[0...2].joined(separator: "-")) != nil, !parts[3].isEmpty else { return nil }
        return parts[3]
    }
}
