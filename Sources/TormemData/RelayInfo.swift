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

    /// What a person reads: the nickname, else a shortened fingerprint.
    public var displayName: String {
        if !nickname.isEmpty { return nickname }
        return fingerprint.count > 12 ? String(fingerprint.prefix(12)) + "…" : fingerprint
    }
}
