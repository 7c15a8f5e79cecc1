import TormemCore
/// One tor instance: a folder `<instances-dir>/NAME/` holding its `torrc`. Once the relay has
/// started, tor writes a `fingerprint` file (`Nickname FINGERPRINT`) into its DataDirectory
/// (Debian: `/var/lib/tor-instances/NAME/`).
public struct RelayInstance: Equatable, Sendable {
    /// The folder name.
    public var name: String
    /// The instance folder.
    public var directory: String
    /// The torrc's `Nickname`, else the fingerprint file's, else the folder name.
    public var nickname: String
    /// 40 hex digits, or empty when the fingerprint file is absent or unreadable.
    public var fingerprint: String
    /// The DataDirectory: where the fingerprint file was found, else the torrc's `DataDirectory`,
    /// else `<dataRoot>/NAME` when it is a folder; nil when none is known. tor keeps its `state` file
    /// and cached consensus there.
    public var dataDirectory: String?

    public init(name: String, directory: String, nickname: String? = nil, fingerprint: String = "",
                dataDirectory: String? = nil) {
        self.name = name; self.directory = directory
        self.nickname = nickname ?? name
        self.fingerprint = fingerprint
        self.dataDirectory = dataDirectory
    }

    public var torrcPath: String { directory + "/torrc" }

    /// Debian's data root: `tor-instance-create` gives instance NAME the DataDirectory
    /// `/var/lib/tor-instances/NAME` (through the defaults file its unit passes to tor).
    public static let defaultDataRoot = "/var/lib/tor-instances"

    /// The instance with its nickname and fingerprint. The fingerprint file is looked for in the
    /// torrc's `DataDirectory` (its `%include`s read), else `<dataRoot>/NAME/`, else the instance folder.
    public static func load(name: String, directory: String, dataRoot: String = defaultDataRoot) -> RelayInstance {
        var instance = RelayInstance(name: name, directory: directory)
        let torrc = TorrcSettings.load(path: directory + "/torrc")
        let candidates = [torrc?.dataDirectory, dataRoot + "/" + name, directory].compactMap { $0 }
        for folder in candidates {
            if let text = FileBytes.textIfReadable(folder + "/fingerprint"), let (nick, fp) = parseFingerprintFile(text) {
                if !nick.isEmpty { instance.nickname = nick }
                instance.fingerprint = fp
                instance.dataDirectory = folder
                break
            }
        }
        if instance.dataDirectory == nil {
            instance.dataDirectory = torrc?.dataDirectory
                ?? (DirectoryListing.isDirectory(dataRoot + "/" + name) ? dataRoot + "/" + name : nil)
        }
        if let nick = torrc?.nickname { instance.nickname = nick }
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
