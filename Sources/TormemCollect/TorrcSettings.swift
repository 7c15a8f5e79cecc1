/// The memory-related settings of a torrc: `DirCache` and `MaxMemInQueues` (keys are
/// case-insensitive, `#` starts a comment, a later line overrides an earlier one, a line ending in
/// `\` continues on the next).
public struct TorrcSettings: Equatable, Sendable {
    /// The options this tool reports, as tor spells them.
    public static let memoryKeys = ["DirCache", "MaxMemInQueues"]

    /// Every option's last value, by lower-cased key.
    public var values: [String: String]

    public init(values: [String: String] = [:]) { self.values = values }

    public subscript(key: String) -> String? { values[key.lowercased()] }

    public var dirCache: String? { self["DirCache"] }
    public var maxMemInQueues: String? { self["MaxMemInQueues"] }

    /// `DirCache 0`: the relay does not cache directory documents.
    public var dirCacheDisabled: Bool { dirCache == "0" }

    /// The memory keys with their value, in `memoryKeys` order (nil: not set).
    public var memorySettings: [(key: String, value: String?)] { Self.memoryKeys.map { ($0, self[$0]) } }

    public static func parse(_ text: String) -> TorrcSettings {
        var values: [String: String] = [:]
        var pending = ""
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var line = String(raw)
            if let hash = line.firstIndex(of: "#") { line = String(line[..<hash]) }
            let trimmed = line.trimmingWhitespace
            if trimmed.hasSuffix("\\") {
                pending += String(trimmed.dropLast()) + " "
                continue
            }
            let full = (pending + trimmed).trimmingWhitespace
            pending = ""
            guard !full.isEmpty else { continue }
            let parts = full.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" })
            let key = String(parts[0]).lowercased()
            values[key] = parts.count > 1 ? parts[1].trimmingWhitespace : ""
        }
        return TorrcSettings(values: values)
    }

    /// The settings of a torrc file, its `%include`d files read in place; nil when it cannot be read.
    public static func load(path: String) -> TorrcSettings? {
        TorrcFile.text(path).map(parse)
    }

    /// `Nickname`, when set.
    public var nickname: String? { self["Nickname"].flatMap { $0.isEmpty ? nil : $0 } }
    /// `DataDirectory`, when set.
    public var dataDirectory: String? { self["DataDirectory"].flatMap { $0.isEmpty ? nil : $0 } }
}
