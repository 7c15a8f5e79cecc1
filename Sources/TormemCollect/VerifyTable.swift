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
}
