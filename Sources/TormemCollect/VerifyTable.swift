import TormemCore

/// `tormem verify`: which instances set `DirCache 0` and `MaxMemInQueues` in their torrc. Reads only.
public enum VerifyTable {
    public struct Entry: Equatable, Sendable {
        public var instance: RelayInstance
        /// nil when the torrc cannot be read.
        public var settings: TorrcSettings?

        public init(instance: RelayInstance, settings: TorrcSettings?) {
            self.instance = instance; self.settings = settings
        }
    }

    public static func entries(_ instances: [RelayInstance]) -> [Entry] {
        instances.map { Entry(instance: $0, settings: TorrcSettings.load(path: $0.torrcPath)) }
    }

    public static func text(_ entries: [Entry]) -> String {
        var table = TextTable(columns: [.init("INSTANCE"), .init("DIRCACHE"), .init("MAXMEMINQUEUES"),
                                        .init("DIRCACHE 0"), .init("MAXMEM SET")])
        for e in entries {
            guard let s = e.settings else {
                table.rows.append([e.instance.name, "(no torrc)", "(no torrc)", "-", "-"])
                continue
            }
            table.rows.append([e.instance.name, s.dirCache ?? "(not set)", s.maxMemInQueues ?? "(not set)",
                               s.dirCacheDisabled ? "yes" : "no", s.maxMemInQueues != nil ? "yes" : "no"])
        }
        let dirCache = entries.filter { $0.settings?.dirCacheDisabled == true }.map(\.instance.name)
        let maxMem = entries.filter { $0.settings?.maxMemInQueues != nil }.map(\.instance.name)
        let unread = entries.filter { $0.settings == nil }.map(\.instance.name)
        var out = table.text + "\n"
        out += summary("DirCache 0", dirCache, of: entries.count)
        out += summary("MaxMemInQueues set", maxMem, of: entries.count)
        if !unread.isEmpty { out += "torrc not readable: " + unread.joined(separator: ", ") + "\n" }
        return out
    }

    static func summary(_ what: String, _ names: [String], of total: Int) -> String {
        "\(what): \(names.count) of \(total)" + (names.isEmpty ? "" : " (" + names.joined(separator: ", ") + ")") + "\n"
    }

    /// A setting `verify --require` can ask every instance to have.
    public enum Requirement: String, CaseIterable, Sendable {
        case dircache0, maxmem

        func isMet(by settings: TorrcSettings?) -> Bool {
            switch self {
            case .dircache0: return settings?.dirCacheDisabled == true
            case .maxmem: return settings?.maxMemInQueues != nil
            }
        }
    }

    /// `dircache0,maxmem` → the requirements; nil when a name is unknown.
    public static func requirements(_ list: String) -> [Requirement]? {
        var out: [Requirement] = []
        for name in list.split(separator: ",", omittingEmptySubsequences: false) {
            guard let r = Requirement(rawValue: name.trimmingWhitespace.lowercased()) else { return nil }
            out.append(r)
        }
        return out
    }

    /// Instances lacking a required setting, one line each (empty when all have them).
    public static func missing(_ requirements: [Requirement], in entries: [Entry]) -> [String] {
        entries.flatMap { e in
            requirements.filter { !$0.isMet(by: e.settings) }.map { r in
                "\(e.instance.name): " + (r == .dircache0 ? "DirCache is not 0" : "MaxMemInQueues is not set")
                    + (e.settings == nil ? " (torrc not readable)" : "")
            }
        }
    }

    /// The table as JSON: one object per instance.
    public static func json(_ entries: [Entry]) -> String {
        JSONValue.array(entries.map { e in
            .object([("instance", .string(e.instance.name)), ("nickname", .string(e.instance.nickname)),
                     ("fingerprint", .string(e.instance.fingerprint)), ("torrc_readable", .bool(e.settings != nil)),
                     ("dircache", .string(e.settings?.dirCache)), ("maxmeminqueues", .string(e.settings?.maxMemInQueues)),
                     ("dircache0", .bool(e.settings?.dirCacheDisabled == true)),
                     ("maxmem_set", .bool(e.settings?.maxMemInQueues != nil))])
        }).text
    }
}
