import TormemCSV
import TormemCore

/// `relay_config.csv` next to the data: which relay is in which group
/// (`fingerprint,nickname,group,...,notes`).
public struct RelayConfig: Equatable, Sendable, SideCSVFile {
    public struct Entry: Equatable, Sendable {
        public var fingerprint: String
        public var nickname: String
        public var group: String
        public var notes: String
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// The group of a relay: by fingerprint when both have one, else by nickname.
    public func group(of relay: RelayInfo) -> String? {
        let fingerprint = relay.listedFingerprint, nickname = relay.listedNickname
        if !fingerprint.isEmpty, let e = entries.first(where: { $0.fingerprint == fingerprint }) { return e.group }
        return entries.first(where: { $0.nickname == nickname && !$0.nickname.isEmpty })?.group
    }

    public static func parse(_ reader: inout CSVReader, file: String) throws(TormemError) -> RelayConfig {
        var header = HeaderMap([])
        var entries: [Entry] = []
        try SideCSV.read(&reader, file: file, header: { row throws(TormemError) in
            header = HeaderMap(row.strings)
            guard header["group"] != nil, header["nickname"] != nil || header["fingerprint"] != nil else {
                throw .input(Diagnostic(file: file, line: row.line, message: "expected a header with group and nickname or fingerprint columns"))
            }
        }, row: { row in
            let e = Entry(fingerprint: row.text(at: header["fingerprint"]).trimmingSpaces,
                          nickname: row.text(at: header["nickname"]).trimmingSpaces,
                          group: row.text(at: header["group"]).trimmingSpaces,
                          notes: row.text(at: header["notes"]).trimmingSpaces)
            if !e.group.isEmpty, !(e.fingerprint.isEmpty && e.nickname.isEmpty) { entries.append(e) }
        })
        return RelayConfig(entries: entries)
    }
}
