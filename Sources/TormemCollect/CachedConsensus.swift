#if canImport(Glibc)
import Glibc
#endif
import TormemCore
import TormemData

/// The newest consensus cached in the host's DataDirectories (`cached-consensus` or
/// `cached-microdesc-consensus`, dir-spec format), read once per collection for every relay: each
/// router entry's `r nickname identity …` line (the identity is the base64 of the 20-byte
/// fingerprint, without `=` padding) is followed by `s Flag Flag…` and `w Bandwidth=N …`. The file
/// is streamed and only the wanted relays' entries are kept, so memory stays bounded whatever its
/// size; only its first `sizeLimit` bytes are read (a real consensus is a few MB).
public struct CachedConsensus: Equatable, Sendable {
    public var path: String
    /// The `valid-after` time; nil when the file has none (then its modification time ranked it).
    public var validAfter: Timestamp?
    /// The wanted relays it lists, by fingerprint (40 upper-case hex digits).
    public var entries: [String: ConsensusEntry]

    public static let fileNames = ["cached-consensus", "cached-microdesc-consensus"]
    /// Bytes read of a consensus at most.
    public static let sizeLimit = 64 << 20
    /// Bytes read of each candidate to find its `valid-after`.
    static let headerLimit = 65_536

    /// The keywords looked for, as bytes (compared on every line).
    static let versionLine = Array("network-status-version 3".utf8), validAfterKey = Array("valid-after ".utf8)
    static let routerKey = Array("r ".utf8), footerKey = Array("directory-footer".utf8), bandwidthKey = Array("Bandwidth=".utf8)

    /// The newest readable consensus among `directories` (by `valid-after`, else modification
    /// time; the first path on a tie) with the entries of `fingerprints`; nil when there is none.
    /// Each file that cannot be used gives one warning naming it.
    public static func read(directories: [String], fingerprints: Set<String>) -> (consensus: CachedConsensus?, warnings: [Diagnostic]) {
        var warnings: [Diagnostic] = []
        var seen = Set<String>()
        var best: (key: Int64, path: String, validAfter: Timestamp?)?
        for directory in directories {
            for name in fileNames {
                let path = directory + "/" + name
                guard seen.insert(path).inserted else { continue }
                let header: Header
                do {
                    guard let h = try self.header(path) else { continue }
                    header = h
                } catch {
                    warnings.append(Diagnostic(file: path, message: "cannot read the cached consensus: \(error.reason)"))
                    continue
                }
                guard header.isConsensus else {
                    warnings.append(Diagnostic(file: path, line: 1, message:
                        "not a consensus: expected a first line \"network-status-version 3\", as tor writes it; its flags and weights are not used"))
                    continue
                }
                let key = header.validAfter?.seconds ?? header.modified
                if best == nil || key > best!.key { best = (key, path, header.validAfter) }
            }
        }
        guard let best else { return (nil, warnings) }
        var consensus = CachedConsensus(path: best.path, validAfter: best.validAfter, entries: [:])
        if let problem = consensus.readEntries(fingerprints) { warnings.append(problem) }
        return (consensus, warnings)
    }

    struct Header {
        var isConsensus = false
        var validAfter: Timestamp?
        var modified: Int64 = 0
    }

    /// The first lines of `path`: is it a consensus, and its `valid-after`. nil when it is missing.
    static func header(_ path: String) throws(FileReadError) -> Header? {
        var header = Header()
        let outcome: LineReader.Outcome
        do {
            outcome = try LineReader.read(path, limit: headerLimit) { line, number in
                if line.first == UInt8(ascii: "@") { return true }   // annotations (`@type …`)
                if !header.isConsensus {
                    header.isConsensus = line.starts(with: versionLine)
                    return header.isConsensus
                }
                if line.starts(with: validAfterKey) {
                    header.validAfter = TimestampParser.timestamp(UnsafeBufferPointer(rebasing: line[12...]))
                    return false
                }
                return !line.starts(with: routerKey)
            }
        } catch {
            if error.code == ENOENT { return nil }
            throw error
        }
        header.modified = outcome.modified
        return header
    }

    /// Reads the entries of `fingerprints`; the file's problems as one warning, if any.
    mutating func readEntries(_ fingerprints: Set<String>) -> Diagnostic? {
        var wanted: [String: String] = [:]
        for fp in fingerprints { if let id = Self.identity(fingerprint: fp) { wanted[id] = fp } }
        var current: String?
        // The first problem and how many (not a list: a garbage file could have millions).
        var firstProblem: (line: Int, text: String)?
        var problemCount = 0
        func problem(_ line: Int, _ text: @autoclosure () -> String) {
            if firstProblem == nil { firstProblem = (line, text()) }
            problemCount += 1
        }
        var entries: [String: ConsensusEntry] = [:]
        let outcome: LineReader.Outcome
        do {
            outcome = try LineReader.read(path, limit: Self.sizeLimit) { line, number in
                guard line.count >= 2, line[1] == 32 else {
                    // The footer ends the router entries.
                    return !line.starts(with: Self.footerKey)
                }
                switch line[0] {
                case UInt8(ascii: "r"):
                    let words = line.split(separator: 32, omittingEmptySubsequences: true)
                    guard words.count >= 8, words[2].count == 27 || (words[2].count == 28 && words[2].last == UInt8(ascii: "=")) else {
                        problem(number, "expected a router line \"r nickname identity …\" (at least 8 fields, a 27-character base64 identity)")
                        current = nil
                        return true
                    }
                    let id = String(decoding: words[2].prefix(27), as: UTF8.self)
                    current = wanted[id]
                    if let current, entries[current] == nil { entries[current] = ConsensusEntry() }
                case UInt8(ascii: "s"):
                    guard let fp = current else { return true }
                    entries[fp]?.flags = line.dropFirst(2).split(separator: 32).map { String(decoding: $0, as: UTF8.self) }
                case UInt8(ascii: "w"):
                    guard let fp = current else { return true }
                    for word in line.dropFirst(2).split(separator: 32) where word.starts(with: Self.bandwidthKey) {
                        let digits = word.dropFirst(10)
                        if let weight = WholeNumber.parse(digits) {
                            entries[fp]?.weight = weight
                        } else {
                            problem(number, "w Bandwidth=: expected a whole number (at most \(Int.max)), found \(WholeNumber.quote(digits))")
                        }
                    }
                default:
                    break
                }
                return true
            }
        } catch {
            return Diagnostic(file: path, message: "cannot read the cached consensus: \(error.reason)")
        }
        self.entries = entries
        var notes: [String] = []
        if outcome.reachedLimit {
            notes.append("larger than \(Self.sizeLimit >> 20) MiB: only its first \(Self.sizeLimit >> 20) MiB were read (a consensus is a few MB); relays listed after them have no flags or weight")
        }
        if outcome.longLines > 0 {
            notes.append("\(outcome.longLines) line\(outcome.longLines == 1 ? "" : "s") longer than 64 KiB skipped")
        }
        if let first = firstProblem {
            var message = first.text
            if problemCount > 1 { message += " (and \(problemCount - 1) more such line\(problemCount == 2 ? "" : "s"))" }
            return Diagnostic(file: path, line: first.line, message: ([message] + notes).joined(separator: "; "))
        }
        return notes.isEmpty ? nil : Diagnostic(file: path, message: notes.joined(separator: "; "))
    }
}
