import TormemCore

/// `experiment.json` next to the data: what the experiment was about.
public struct ExperimentInfo: Equatable, Sendable {
    public struct Group: Equatable, Sendable {
        public var name: String?
        /// The configuration, flattened to `key: value` text.
        public var config: String?
        /// When the group started: `start` (a timestamp) or `added` (a date), as written.
        public var start: String?
        public var added: String?
        /// The file listing the group's relays (relative to the experiment folder).
        public var relaysFile: String?

        public init(name: String? = nil, config: String? = nil, start: String? = nil, added: String? = nil,
                    relaysFile: String? = nil) {
            self.name = name; self.config = config; self.start = start; self.added = added; self.relaysFile = relaysFile
        }
    }

    public var id: String?
    public var name: String?
    public var server: String?
    public var startDate: String?
    public var endDate: String?
    public var hypothesis: String?
    public var description: String?
    public var torVersion: String?
    public var allocator: String?
    public var groups: [String: Group] = [:]

    public init() {}

    /// When the experiment started: its `start_date`, else its earliest group start (day 0 of an
    /// experiment table).
    public var start: Timestamp? {
        if let startDate, let t = Self.instant(startDate) { return t }
        return groups.keys.compactMap { start(of: $0) }.min()
    }

    /// A date (midnight UTC) or ISO 8601 date-time.
    static func instant(_ text: String) -> Timestamp? {
        TimestampParser.timestamp(text) ?? TimestampParser.date(text).map { Timestamp(date: $0) }
    }

    /// When `group` started: its `start`, else its `added` date, else the experiment's `start_date`
    /// (midnight UTC for dates); nil when none is given or readable.
    public func start(of group: String) -> Timestamp? {
        let g = groups[group]
        for text in [g?.start, g?.added, startDate] {
            guard let text else { continue }
            if let t = TimestampParser.timestamp(text) { return t }
            if let d = TimestampParser.date(text) { return Timestamp(date: d) }
        }
        return nil
    }

    /// Parses the JSON; unknown keys are ignored, a malformed file is an input error naming it, the
    /// line and the column, and what was expected there.
    public static func parse(_ bytes: [UInt8], file: String) throws(TormemError) -> ExperimentInfo {
        let document: JSONParser.Value
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw .input(Diagnostic(file: file, line: error.line, column: String(error.column),
                                    message: "expected \(error.expected) (experiment.json must be one JSON object)"))
        }
        guard let dict = document.object else {
            throw .input(Diagnostic(file: file, message: "expected a JSON object at the top level"))
        }
        func text(_ v: JSONParser.Value?) -> String? {
            switch v {
            case .string(let s)?: return s.isEmpty ? nil : s
            case .number(let n)?: return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : "\(n)"
            case .bool(let b)?: return b ? "true" : "false"
            default: return nil
            }
        }
        var info = ExperimentInfo()
        info.id = text(dict["id"]); info.name = text(dict["name"]); info.server = text(dict["server"])
        info.startDate = text(dict["start_date"]); info.endDate = text(dict["end_date"])
        info.hypothesis = text(dict["hypothesis"]); info.description = text(dict["description"])
        info.torVersion = text(dict["tor_version"]); info.allocator = text(dict["allocator"])
        if let groups = dict["groups"]?.object {
            for (key, value) in groups {
                var g = Group()
                if let d = value.object {
                    g.name = text(d["name"]) ?? text(d["label"])
                    if let c = d["config"]?.object {
                        g.config = c.keys.sorted().map { "\($0): \(text(c[$0]) ?? "")" }.joined(separator: ", ")
                    } else {
                        g.config = text(d["config"])
                    }
                    g.start = text(d["start"]); g.added = text(d["added"])
                    g.relaysFile = text(d["relays_file"])
                } else {
                    g.name = text(value)
                }
                info.groups[key] = g
            }
        }
        return info
    }
}

extension ExperimentInfo {
    /// The experiment.json at `path`; nil when there is none, an input error when it is malformed.
    public static func read(_ path: String) throws(TormemError) -> ExperimentInfo? {
        try SideFileReader.contents(of: path).map { bytes throws(TormemError) in try parse(bytes, file: path) }
    }
}
