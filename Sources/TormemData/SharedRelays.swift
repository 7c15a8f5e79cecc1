import TormemCore

/// Relays that two group files both list (SPEC §1: a relay in two files belongs to both): the two
/// groups, their files, and the relays as the first file lists them. One finding per pair of
/// groups, however many relays they share.
public struct SharedRelays: Equatable, Sendable {
    /// The two groups, in the order of their files.
    public var groups: [String]
    /// The two files, in the same order.
    public var files: [String]
    /// The shared relays, as the first file names them and in its order.
    public var relays: [String]
    /// The line of the first shared relay in the first file.
    public var line: Int?

    /// How many relay names a warning shows before `and N more`.
    public static let shownNames = 5

    public init(groups: [String], files: [String], relays: [String], line: Int? = nil) {
        self.groups = groups; self.files = files; self.relays = relays; self.line = line
    }

    /// Every pair of group files (of different groups) that lists a relay in both, in file order.
    /// A relay matches by its name as listed, a fingerprint with or without `$` and in any case.
    public static func find(in groupFiles: GroupFiles) -> [SharedRelays] {
        let files = groupFiles.files
        let keys = files.map { Set($0.relays.map(GroupMembership.normalizedFingerprint)) }
        var out: [SharedRelays] = []
        for i in files.indices {
            for j in files.indices where j > i && files[j].group != files[i].group {
                var shared: [String] = [], line: Int?, seen = Set<String>()
                for (k, relay) in files[i].relays.enumerated() {
                    let key = GroupMembership.normalizedFingerprint(relay)
                    guard keys[j].contains(key), seen.insert(key).inserted else { continue }
                    shared.append(relay)
                    if line == nil, k < files[i].lines.count { line = files[i].lines[k] }
                }
                if !shared.isEmpty {
                    out.append(SharedRelays(groups: [files[i].group, files[j].group], files: [files[i].path, files[j].path],
                                            relays: shared, line: line))
                }
            }
        }
        return out
    }

    /// The warning: in the first file, at its first shared relay, naming the other file, the count
    /// and the first few relays.
    public var diagnostic: Diagnostic {
        let names = MessageText.list(relays, shown: SharedRelays.shownNames)
        let count = relays.count == 1 ? "1 relay" : "\(relays.count) relays"
        return Diagnostic(file: files[0], line: line, message:
            "group \(groups[0]) shares \(count) with group \(groups[1]) (\(files[1])): \(names); \(relays.count == 1 ? "it counts" : "each counts") in both groups")
    }
}
