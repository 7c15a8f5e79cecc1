/// When a process started, from a proc file system: field 22 of `/proc/PID/stat` (`starttime`,
/// clock ticks after boot) added to `btime` of `/proc/stat` (the boot, Unix time), at
/// `sysconf(_SC_CLK_TCK)` ticks per second.
public enum ProcessStart {
    /// The `starttime` field of a `stat` file. Field 2 (`comm`, the command name) is in parentheses
    /// and may itself hold spaces and parentheses: the fields are counted after its last `)`.
    public static func ticks(stat bytes: [UInt8]) throws(FactError) -> Int {
        guard let close = bytes.lastIndex(of: UInt8(ascii: ")")) else {
            throw FactError("expected \"PID (command) state ...\", found no \")\"")
        }
        let words = bytes[(close + 1)...].split(whereSeparator: { $0 == 32 || $0 == 9 || $0 == 10 })
        // After ")": field 3 (state) is words[0], so field 22 is words[19].
        guard words.count >= 20 else {
            throw FactError("expected at least 22 fields (starttime is field 22), found \(words.count + 2)")
        }
        guard let ticks = WholeNumber.parse(words[19]) else {
            throw FactError("field 22 (starttime): expected a whole number of clock ticks, found \(WholeNumber.quote(words[19]))")
        }
        return ticks
    }

    /// The `btime` line of `/proc/stat`: the boot time in seconds since the epoch.
    public static func bootTime(stat bytes: [UInt8]) throws(FactError) -> Int {
        for line in bytes.split(separator: 10) where line.starts(with: Array("btime ".utf8)) {
            let value = line.dropFirst(6).split(separator: 32).first ?? []
            guard let seconds = WholeNumber.parse(value) else {
                throw FactError("btime: expected the boot time in seconds since 1970, found \(WholeNumber.quote(value))")
            }
            return seconds
        }
        throw FactError("expected a btime line (the boot time), found none")
    }

    /// Boot time plus ticks: seconds since the epoch, checked against `now` (a start more than a
    /// day after the collection is no start of a running process).
    public static func seconds(bootTime: Int, ticks: Int, ticksPerSecond: Int, now: Int64) throws(FactError) -> Int64 {
        guard ticksPerSecond > 0 else { throw FactError("clock ticks per second unknown") }
        let (start, overflow) = bootTime.addingReportingOverflow(ticks / ticksPerSecond)
        guard !overflow, Int64(start) <= now + 86_400 else {
            throw FactError("start time \(bootTime) + \(ticks) / \(ticksPerSecond) s is after the collection")
        }
        return Int64(start)
    }
}
