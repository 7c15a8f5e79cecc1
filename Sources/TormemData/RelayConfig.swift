import TormemCSV
import TormemCore

/// `relay_config.csv` next to the data: which relay is in which group
/// (`fingerprint,nickname,group,...,notes`).
public struct RelayConfig: Equatable, Sendable {
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

    public static func parse(_ bytes: [UInt8], file: String) throws(TormemError) -> RelayConfig {
        var reader = CSVReader(bytes: bytes, name: file)
        var header: HeaderMap?
        var entries: [Entry] = []
        do {
            try reader.forEachRow { row in
                guard let h = header else {
                    let map = HeaderMap(row.strings)
                    guard map["group"] != nil, map["nickname"] != nil || map["fingerprint"] != nil else {
                        throw TormemError.input(Diagnostic(file: file, line: row.line,
                            message: "expected a header with group and nickname or fingerprint columns"))
                    }
                    header = map
                    return
                }
                let e = Entry(fingerprint: row.text(at: h["fingerprint"]).trimmingSpaces,
                              nickname: row.text(at: h["nickname"]).trimmingSpaces,
                              group: row.text(at: h["group"]).trimmingSpaces,
                              notes: row.text(at: h["notes"]).trimmingSpaces)
                if !e.group.isEmpty, !(e.fingerprint.isEmpty && e.nickname.isEmpty) { entries.append(e) }
            }
        } catch let e as TormemError {
            throw e
        } catch {
            throw .input(Diagnostic(file: file, message: "\(error)"))
        }
        return RelayConfig(entries: entries)
    }
}
