#if canImport(Glibc)
import Glibc
#endif
import TormemCore

/// Finds the process of each instance: the one whose command line names `<instances-dir>/NAME/`
/// (`tor -f /etc/tor/instances/NAME/torrc`), by reading every `<proc-root>/PID/cmdline`.
public struct ProcessFinder: Sendable {
    /// The instances folder as the processes name it (several spellings: given, resolved, mapped).
    public let directories: [String]

    public init(directories: [String]) {
        var seen = Set<String>()
        self.directories = directories.map { d in
            var p = d
            while p.count > 1, p.hasSuffix("/") { p.removeLast() }
            return p
        }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// The instances folder given on the command line (when absolute: processes name absolute
    /// paths, and a relative one would match any path that merely ends like it), its resolved path
    /// (symbolic links), and the folder as the processes see it when they run elsewhere (a host's
    /// /proc in a container).
    public static func spellings(of instancesDirectory: String, processView: String?) -> [String] {
        var out: [String] = []
        if instancesDirectory.hasPrefix("/") { out.append(instancesDirectory) }
        if let resolved = realpath(instancesDirectory, nil) {
            out.append(String(cString: resolved))
            free(resolved)
        }
        if let processView { out.append(processView) }
        return out
    }

    /// The instance NAME a command line names, if any: an argument (or the value of an
    /// `--option=value` argument) that starts with `<folder>/NAME/`.
    public func instanceName(in arguments: [String]) -> String? {
        for arg in arguments {
            let value = arg.hasPrefix("-") ? arg.split(separator: "=", maxSplits: 1).dropFirst().first ?? "" : Substring(arg)
            for dir in directories {
                let prefix = dir == "/" ? "/" : dir + "/"
                guard value.hasPrefix(prefix) else { continue }
                let rest = value.dropFirst(prefix.count)
                guard let slash = rest.firstIndex(of: "/") else { continue }
                let name = rest[..<slash]
                if !name.isEmpty, name != ".", name != ".." { return String(name) }
            }
        }
        return nil
    }

    /// The process of each of `names` that is running: name → pid. When several processes name one
    /// instance, a `tor` binary wins over other programs, then the oldest (lowest) pid.
    public func find(names: Set<String>, in proc: ProcReader) throws(FileReadError) -> [String: Int32] {
        let me = ownProcessID(proc)
        var found: [String: (pid: Int32, isTor: Bool)] = [:]
        for pid in try proc.processIDs() where pid != me {
            guard let args = proc.commandLine(pid), let name = instanceName(in: args), names.contains(name) else { continue }
            let isTor = Self.isTorBinary(args)
            if let old = found[name], old.isTor || !isTor { continue }
            found[name] = (pid, isTor)
        }
        return found.mapValues(\.pid)
    }

    /// Whether a command line runs tor itself: the program's file name is `tor` (`/usr/bin/tor`,
    /// `tor`), not another program whose name merely starts so (`torsocks`, `torify`).
    public static func isTorBinary(_ arguments: [String]) -> Bool {
        guard let program = arguments.first else { return false }
        return (program.split(separator: "/").last ?? "") == "tor"
    }

    /// This process's pid as the proc root knows it (`self`), so `tormem` never counts itself.
    private func ownProcessID(_ proc: ProcReader) -> Int32? {
        var buffer = [CChar](repeating: 0, count: 64)
        let n = readlink(proc.root + "/self", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return Int32(String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
}
