import TormemCore

/// Who a relay is: identified by fingerprint when present, else by nickname (many real files have
/// empty fingerprints), within its server.
public struct RelayInfo: Equatable, Hashable, Sendable {
    public var nickname: String
    public var fingerprint: String
    /// Experiment group letter or name; empty when unknown.
    public var group: String
    public var server: String

    public init(nickname: String, fingerprint: String = "", group: String = "", server: String = "") {
        self.nickname = nickname; self.fingerprint = fingerprint; self.group = group; self.server = server
    }

    /// The identity key: fingerprint, else nickname.
    public var id: String { fingerprint.isEmpty ? nickname : fingerprint }

    /// The nickname and fingerprint as group files and `relay_config.csv` name the relay: without the
    /// `#2` (`#3` …) that tells apart a second relay read under one name in one collection, so both
    /// relays of a shared nickname stay in its groups (tor's nicknames and fingerprints never hold `#`).
    public var listedNickname: String { Self.listed(nickname) }
    public var listedFingerprint: String { Self.listed(fingerprint) }

    static func listed(_ name: String) -> String {
        guard let hash = name.firstIndex(of: "#") else { return name }
        return String(name[..<hash])
    }

    /// What a person reads: the nickname, else a shortened fingerprint.
    public var displayName: String {
        if !nickname.isEmpty { return nickname }
        return fingerprint.count > 12 ? String(fingerprint.prefix(12)) + "…" : fingerprint
    }
}
