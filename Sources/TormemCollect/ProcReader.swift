#if canImport(Glibc)
import Glibc
#endif
import TormemCore

/// Reads a proc file system: `/proc` on a live host, or a fake tree in tests (`--proc-root`).
/// Nothing here runs another program or asks for privileges: what cannot be read is reported as nil.
public struct ProcReader: Sendable {
    public let root: String

    public init(root: String = "/proc") {
        var r = root
        while r.count > 1, r.hasSuffix("/") { r.removeLast() }
        self.root = r
    }

    /// The process ids present, ascending. An unreadable proc root is an input error.
    public func processIDs() throws(FileReadError) -> [Int32] {
        try DirectoryListing.names(root).compactMap { name in
            name.allSatisfy(\.isASCIIDigit) ? Int32(name) : nil
        }.sorted()
    }

    /// The command line arguments (NUL-separated in `cmdline`); nil when the process is gone.
    public func commandLine(_ pid: Int32) -> [String]? {
        guard let bytes = try? FileBytes.read(path(pid, "cmdline"), limit: 1 << 20) else { return nil }
        return Self.arguments(cmdline: bytes)
    }

    /// The arguments of a `cmdline` file's bytes (empty for kernel threads).
    public static func arguments(cmdline bytes: [UInt8]) -> [String] {
        if bytes.isEmpty { return [] }
        return bytes.split(separator: 0, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
            .dropLast(bytes.last == 0 ? 1 : 0)
    }

    /// The memory lines of `status`; nil when the process is gone.
    public func status(_ pid: Int32) -> MemoryStatus? {
        FileBytes.textIfReadable(path(pid, "status")).map(MemoryStatus.parse)
    }

    /// The smaps sums; nil when smaps cannot be read (another user's process without privileges).
    public func smaps(_ pid: Int32) -> SmapsRatio? {
        guard let bytes = try? FileBytes.read(path(pid, "smaps")) else { return nil }
        return SmapsRatio.parse(bytes)
    }

    /// The environment (`NAME=value` strings); nil when unreadable.
    public func environment(_ pid: Int32) -> [String]? {
        guard let bytes = try? FileBytes.read(path(pid, "environ"), limit: 1 << 20) else { return nil }
        return Self.entries(environ: bytes)
    }

    /// The `NAME=value` strings of an `environ` file's bytes.
    public static func entries(environ bytes: [UInt8]) -> [String] {
        bytes.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The text of `maps`; nil when unreadable.
    public func maps(_ pid: Int32) -> String? {
        FileBytes.textIfReadable(path(pid, "maps"))
    }

    /// The start of process `pid` in clock ticks after boot (`stat` field 22); nil when `stat`
    /// cannot be read (the process is gone), an error when it says no start.
    public func startTicks(_ pid: Int32) -> Result<Int, FactError>? {
        readFact(path(pid, "stat"), limit: 65_536, ProcessStart.ticks)
    }

    /// The host's `stat` file (`btime`).
    public var hostStatPath: String { root + "/stat" }

    /// The boot time (`btime` of `stat`, seconds since the epoch); nil when `stat` cannot be read,
    /// an error when it has no usable `btime` line.
    public func bootTime() -> Result<Int, FactError>? {
        readFact(hostStatPath, limit: 16 << 20, ProcessStart.bootTime)
    }

    /// `parse` of the file's bytes; nil when the file is missing (the process is gone), an error
    /// when it cannot be read otherwise (a FIFO, too large) or says nothing usable.
    private func readFact(_ path: String, limit: Int, _ parse: ([UInt8]) throws(FactError) -> Int) -> Result<Int, FactError>? {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path, limit: limit)
        } catch {
            return error.code == ENOENT || error.code == ESRCH ? nil : .failure(FactError("cannot read it: \(error.reason)"))
        }
        return Result { () throws(FactError) in try parse(bytes) }
    }

    /// Clock ticks per second of `stat`'s times (`sysconf(_SC_CLK_TCK)`, 100 on Linux).
    public static var ticksPerSecond: Int { Int(sysconf(Int32(_SC_CLK_TCK))) }

    /// `MemTotal`, `MemAvailable`, ... from `meminfo`, in KiB; nil when unreadable.
    public func memoryInfo() -> MemoryStatus? {
        FileBytes.textIfReadable(root + "/meminfo").map(MemoryStatus.parse)
    }

    /// The kernel release (`sys/kernel/osrelease`), nil when unreadable.
    public func kernelRelease() -> String? {
        firstLine(root + "/sys/kernel/osrelease")
    }

    /// The host name (`sys/kernel/hostname`), nil when unreadable.
    public func hostName() -> String? {
        firstLine(root + "/sys/kernel/hostname")
    }

    public func path(_ pid: Int32, _ file: String) -> String { "\(root)/\(pid)/\(file)" }

    private func firstLine(_ path: String) -> String? {
        guard let text = FileBytes.textIfReadable(path) else { return nil }
        let line = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let trimmed = line.trimmingWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }
}
