/// One tor instance: a folder `<instances-dir>/NAME/` holding its `torrc` and, once the relay has
/// started, a `fingerprint` file (`Nickname FINGERPRINT`).
public struct RelayInstance: Equatable, Sendable {
    /// The folder name.
    public var name: String
    /// The instance folder.
    public var directory: String
    /// The nickname from the fingerprint file, else the folder name.
    public var nickname: String
    /// 40 hex digits, or empty when the fingerprint file is absent or unreadable.
    public var fingerprint: String

    public init(name: String, directory: String, nickname: String? = nil, fingerprint: String = "") {
        self.name = name; self.directory = directory
        self.nickname = nickname ?? name
        self.fingerprint = fingerprint
    }

    public var torrcPath: String { directory + "/torrc" }

    /// Reads the fingerprint file of the folder when there is one.
    public static func load(name: String, directory: String) -> RelayInstance {
        var instance = RelayInstance(name: name, directory: directory)
        if let text = FileBytes.textIfReadable(directory + "/fingerprint"),
           let (nick, fp) = parseFingerprintFile(text) {
            if !nick.isEmpty { instance.nickname = nick }
            instance.fingerprint = fp
        }
        return instance
    }

    /// `Nickname ABCD...` → (nickname, fingerprint). The fingerprint may be written in groups of four
    /// (`ABCD EF01 ...`); anything but 40 hex digits gives nil.
    public static func parseFingerprintFile(_ text: String) -> (String, String)? {
        let line = text.split(whereSeparator: \.isNewline).first.map { $0.trimmingWhitespace } ?? ""
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count >= 2 else { return nil }
        let fp = words.dropFirst().joined().uppercased()
        guard fp.count == 40, fp.allSatisfy({ $0.isHexDigit }) else { return nil }
        return (String(words[0]), fp)
    }
}
